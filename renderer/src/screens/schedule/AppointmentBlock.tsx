// One appointment on the time grid: a button showing time, patient and status
// (as text as well as colour). Mouse users can drag it to another slot; the
// details panel's form does the same from the keyboard.
import { memo, type CSSProperties } from 'react';
import type { Placed } from './layout';
import { hhmm } from './time';
import { statusLabel } from './status';

interface Props {
  placed: Placed;
  top: number;
  pxPerMinute: number;
  selected: boolean;
  onOpen(id: string): void;
}

export const AppointmentBlock = memo(function AppointmentBlock({
  placed,
  top,
  pxPerMinute,
  selected,
  onOpen,
}: Props) {
  const { appointment: a, start, end, lane, lanes } = placed;
  const style: CSSProperties = {
    top: (start - top) * pxPerMinute,
    height: Math.max(18, (end - start) * pxPerMinute - 2),
    left: `${(lane / lanes) * 100}%`,
    width: `calc(${100 / lanes}% - 4px)`,
  };
  const movable = a.status === 'scheduled';
  return (
    <button
      type="button"
      className={`appt appt--${a.status}${selected ? ' appt--selected' : ''}`}
      style={style}
      draggable={movable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-ehrbs-appointment', a.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onOpen(a.id)}
      aria-pressed={selected}
      data-appointment-id={a.id}
    >
      <span className="appt__time">
        {hhmm(start)}–{hhmm(end)}
      </span>{' '}
      <span className="appt__name">{a.patientName}</span>
      <span className="appt__status">{statusLabel(a.status)}</span>
    </button>
  );
});
