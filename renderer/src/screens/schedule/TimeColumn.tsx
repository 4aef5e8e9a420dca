// One column of the time grid (a doctor on a date): working hours shaded, a
// button for every free slot (showing "+ Book 09:15" on hover and focus), and
// the appointments. Memoised: a change in one column does not re-render the
// others. Only the grid's focus item has tabIndex 0 (roving focus, TimeGrid).
import { memo, useCallback, type DragEvent } from 'react';
import type { Placed, Span } from './layout';
import { AppointmentBlock } from './AppointmentBlock';
import { appointmentNavKey, slotNavKey } from './grid-nav';
import { useClock } from '../../stores/clinic-format';

export interface ColumnModel {
  key: string;
  doctorId: string;
  doctorName: string;
  date: string;
  label: string;
  placed: Placed[];
  working: Span[];
  slots: number[];
  slotMinutes: number;
}

interface Props {
  column: ColumnModel;
  hours: Span;
  pxPerMinute: number;
  selectedId: string | null;
  /** The grid's focus item (a grid-nav key) when it is in this column, else null. */
  focusKey: string | null;
  onSlot(doctorId: string, date: string, minutes: number): void;
  onOpen(id: string): void;
  onDropAppointment(id: string, doctorId: string, date: string, minutes: number): void;
}

export const TimeColumn = memo(function TimeColumn({
  column,
  hours,
  pxPerMinute,
  selectedId,
  focusKey,
  onSlot,
  onOpen,
  onDropAppointment,
}: Props) {
  const clock = useClock();
  const { doctorId, date, slotMinutes } = column;
  const onDrop = useCallback(
    (e: DragEvent<HTMLDivElement>) => {
      const id = e.dataTransfer.getData('text/x-ehrbs-appointment');
      if (!id) return;
      e.preventDefault();
      const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
      const minutes = hours.start + y / pxPerMinute;
      const snapped = Math.floor(minutes / slotMinutes) * slotMinutes;
      onDropAppointment(id, doctorId, date, snapped);
    },
    [hours.start, pxPerMinute, slotMinutes, doctorId, date, onDropAppointment],
  );
  return (
    <div
      className="tcol"
      style={{ height: (hours.end - hours.start) * pxPerMinute }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('text/x-ehrbs-appointment')) e.preventDefault();
      }}
      onDrop={onDrop}
      role="group"
      aria-label={`${column.doctorName}, ${column.label}`}
    >
      {column.working.map((s) => (
        <div
          key={s.start}
          className="tcol__working"
          style={{
            top: (s.start - hours.start) * pxPerMinute,
            height: (s.end - s.start) * pxPerMinute,
          }}
        />
      ))}
      {column.slots.map((t) => {
        const nav = slotNavKey(column.key, t);
        return (
          <button
            key={t}
            type="button"
            className="tcol__slot"
            style={{ top: (t - hours.start) * pxPerMinute, height: slotMinutes * pxPerMinute }}
            onClick={() => onSlot(doctorId, date, t)}
            aria-label={`Book ${clock(t)} with ${column.doctorName}, ${column.label}`}
            tabIndex={nav === focusKey ? 0 : -1}
            data-nav={nav}
          >
            <span aria-hidden="true">+ Book {clock(t)}</span>
          </button>
        );
      })}
      {column.placed.map((p) => (
        <AppointmentBlock
          key={p.appointment.id}
          placed={p}
          top={hours.start}
          pxPerMinute={pxPerMinute}
          selected={p.appointment.id === selectedId}
          focusable={appointmentNavKey(p.appointment.id) === focusKey}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
});
