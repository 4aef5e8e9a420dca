// One appointment on the time grid: a button showing time, patient and status
// (as text as well as colour). A short block (under half an hour) is one line,
// start time and patient, truncated; the full text is its tooltip and its
// accessible name. Mouse users can drag it to another slot; the details
// panel's form does the same from the keyboard.
import { memo, type CSSProperties } from 'react';
import type { Placed } from './layout';
import { appointmentNavKey } from './grid-nav';
import { useClock } from '../../stores/clinic-format';
import { statusLabel } from './status';

/** Below this a block has room for one line only. */
const SHORT_MINUTES = 30;

interface Props {
  placed: Placed;
  top: number;
  pxPerMinute: number;
  selected: boolean;
  /** The grid's one Tab stop (roving focus). */
  focusable: boolean;
  onOpen(id: string): void;
}

export const AppointmentBlock = memo(function AppointmentBlock({
  placed,
  top,
  pxPerMinute,
  selected,
  focusable,
  onOpen,
}: Props) {
  const clock = useClock();
  const { appointment: a, start, end, lane, lanes } = placed;
  const style: CSSProperties = {
    top: (start - top) * pxPerMinute,
    height: Math.max(18, (end - start) * pxPerMinute - 2),
    left: `${(lane / lanes) * 100}%`,
    width: `calc(${100 / lanes}% - 4px)`,
  };
  const movable = a.status === 'scheduled';
  const short = end - start < SHORT_MINUTES;
  const full = `${clock(start)}–${clock(end)} ${a.patientName}, ${statusLabel(a.status)}`;
  return (
    <button
      type="button"
      className={`appt appt--${a.status}${short ? ' appt--short' : ''}${selected ? ' appt--selected' : ''}`}
      style={style}
      draggable={movable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-ehrbs-appointment', a.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onOpen(a.id)}
      aria-pressed={selected}
      title={full}
      tabIndex={focusable ? 0 : -1}
      data-nav={appointmentNavKey(a.id)}
      data-appointment-id={a.id}
    >
      {short ? (
        // What shows comes first, so the accessible name starts with the visible text.
        <>
          <span className="appt__time">{clock(start)}</span>{' '}
          <span className="appt__name">{a.patientName}</span>
          <span className="visually-hidden">
            , {clock(start)}–{clock(end)}, {statusLabel(a.status)}
          </span>
        </>
      ) : (
        <>
          <span className="appt__time">
            {clock(start)}–{clock(end)}
          </span>{' '}
          <span className="appt__name">{a.patientName}</span>
          <span className="appt__status">{statusLabel(a.status)}</span>
        </>
      )}
    </button>
  );
});
