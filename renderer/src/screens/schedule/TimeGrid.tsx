// The time grid: a column per doctor (day view) or per day (one doctor's
// week), hour labels on the left, all in the clinic's time zone.
import type { ColumnModel } from './TimeColumn';
import { TimeColumn } from './TimeColumn';
import type { Span } from './layout';
import { hhmm } from './time';

export const PX_PER_MINUTE = 1.6;

interface Props {
  columns: ColumnModel[];
  hours: Span;
  /** What each column's header says: the doctor (day view) or the date (week view). */
  header: 'doctor' | 'date';
  selectedId: string | null;
  onSlot(doctorId: string, date: string, minutes: number): void;
  onOpen(id: string): void;
  onMove(id: string, doctorId: string, date: string, minutes: number): void;
}

export function TimeGrid({ columns, hours, header, selectedId, onSlot, onOpen, onMove }: Props) {
  const hourMarks: number[] = [];
  for (let m = hours.start; m < hours.end; m += 60) hourMarks.push(m);
  const template = `3.5rem repeat(${columns.length}, minmax(9rem, 1fr))`;
  return (
    <div className="tgrid" style={{ gridTemplateColumns: template }} data-rendered="grid">
      <div className="tgrid__corner" />
      {columns.map((c) => (
        <div key={c.key} className="tgrid__head">
          {header === 'doctor' ? c.doctorName : c.label}
        </div>
      ))}
      <div className="tgrid__gutter" style={{ height: (hours.end - hours.start) * PX_PER_MINUTE }}>
        {hourMarks.map((m) => (
          <span key={m} className="tgrid__hour" style={{ top: (m - hours.start) * PX_PER_MINUTE }}>
            {hhmm(m)}
          </span>
        ))}
      </div>
      {columns.map((c) => (
        <TimeColumn
          key={c.key}
          column={c}
          hours={hours}
          pxPerMinute={PX_PER_MINUTE}
          selectedId={selectedId}
          onSlot={onSlot}
          onOpen={onOpen}
          onDropAppointment={onMove}
        />
      ))}
    </div>
  );
}
