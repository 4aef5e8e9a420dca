// A week for every doctor at once: a table with a row per doctor and a cell
// per day listing that day's appointments in order. A date opens its day view,
// where booking into free slots happens.
import { memo, useEffect } from 'react';
import type { DoctorView } from '../../../../shared/api/scheduling';
import type { ColumnModel } from './TimeColumn';
import { hhmm } from './time';
import { statusLabel } from './status';

interface Props {
  doctors: readonly DoctorView[];
  dates: readonly string[];
  columns: ReadonlyMap<string, ColumnModel>;
  selectedId: string | null;
  onOpen(id: string): void;
  onOpenDay(date: string): void;
  labelOf(date: string): string;
}

const Cell = memo(function Cell({
  column,
  selectedId,
  onOpen,
}: {
  column: ColumnModel | undefined;
  selectedId: string | null;
  onOpen(id: string): void;
}) {
  if (!column || column.placed.length === 0) {
    return (
      <td className="cweek__cell">
        {column?.working.length ? '' : <span className="cweek__off">Off</span>}
      </td>
    );
  }
  return (
    <td className={column.working.length ? 'cweek__cell' : 'cweek__cell cweek__cell--off'}>
      <ul className="cweek__list">
        {column.placed.map(({ appointment: a, start }) => (
          <li key={a.id}>
            <button
              type="button"
              className={`chip appt--${a.status}${a.id === selectedId ? ' appt--selected' : ''}`}
              onClick={() => onOpen(a.id)}
              aria-pressed={a.id === selectedId}
              data-appointment-id={a.id}
            >
              <span className="chip__time">{hhmm(start)}</span> {a.patientName}
              <span className="visually-hidden">, {statusLabel(a.status)}</span>
            </button>
          </li>
        ))}
      </ul>
    </td>
  );
});

export function CompactWeek({
  doctors,
  dates,
  columns,
  selectedId,
  onOpen,
  onOpenDay,
  labelOf,
}: Props) {
  // The moment the week is on screen, for the week-view benchmark.
  useEffect(() => {
    // A task after the next frame: the commit has been styled, laid out and painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark('ehrbs:week-rendered'), 0));
  }, [columns]);
  return (
    <div className="cweek-wrap">
      <table className="cweek" data-rendered="week">
        <caption className="visually-hidden">Appointments this week, by doctor and day</caption>
        <thead>
          <tr>
            <th scope="col">Doctor</th>
            {dates.map((d) => (
              <th key={d} scope="col">
                <button
                  type="button"
                  className="button button--quiet cweek__day"
                  onClick={() => onOpenDay(d)}
                >
                  {labelOf(d)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doctors.map((doctor) => (
            <tr key={doctor.id}>
              <th scope="row">{doctor.displayName}</th>
              {dates.map((d) => (
                <Cell
                  key={d}
                  column={columns.get(`${doctor.id}|${d}`)}
                  selectedId={selectedId}
                  onOpen={onOpen}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
