// A week for every doctor at once: a table with a row per doctor and a cell
// per day listing that day's appointments in order. A date opens its day view,
// where booking into free slots happens. Virtualized by doctor: only the rows
// on screen are in the DOM, so a busy clinic's 1,000
// appointments cost a screenful of buttons, not a thousand.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, type RefObject } from 'react';
import type { DoctorView } from '../../../../shared/api/scheduling';
import type { ColumnModel } from './TimeColumn';
import { useClock } from '../../stores/clinic-format';
import { statusLabel } from './status';

interface Props {
  doctors: readonly DoctorView[];
  dates: readonly string[];
  columns: ReadonlyMap<string, ColumnModel>;
  selectedId: string | null;
  onOpen(id: string): void;
  onOpenDay(date: string): void;
  labelOf(date: string): string;
  /** The scrolling box the table sits in. */
  scrollRef: RefObject<HTMLElement | null>;
}

/** A chip's height with the gap under it, and a row's padding and borders (px, as in the CSS). */
const CHIP_PX = 26;
const ROW_EXTRA_PX = 10;
const EMPTY_ROW_PX = 34;

const Cell = memo(function Cell({
  column,
  selectedId,
  onOpen,
}: {
  column: ColumnModel | undefined;
  selectedId: string | null;
  onOpen(id: string): void;
}) {
  const clock = useClock();
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
              <span className="chip__time">{clock(start)}</span> {a.patientName}
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
  scrollRef,
}: Props) {
  // Each row's height from its busiest day, so the estimate is the real size.
  const heights = useMemo(
    () =>
      doctors.map((doctor) => {
        const most = Math.max(
          0,
          ...dates.map((d) => columns.get(`${doctor.id}|${d}`)?.placed.length ?? 0),
        );
        return most === 0 ? EMPTY_ROW_PX : most * CHIP_PX + ROW_EXTRA_PX;
      }),
    [doctors, dates, columns],
  );
  const total = useMemo(() => {
    let n = 0;
    for (const doctor of doctors) {
      for (const d of dates) n += columns.get(`${doctor.id}|${d}`)?.placed.length ?? 0;
    }
    return n;
  }, [doctors, dates, columns]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render by design
  const virtualizer = useVirtualizer({
    count: doctors.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => heights[i] ?? EMPTY_ROW_PX,
    // No extra rows: a doctor's row is a whole busy week (hundreds of pixels), so
    // the rows on screen already cover a scroll step, and one more row either
    // side cost a third of the week's first paint (bench/week-view.bench.ts).
    overscan: 0,
    // Before the first measurement: a window's height, so the first paint has its rows.
    initialRect: { width: 0, height: window.innerHeight },
  });
  const rows = virtualizer.getVirtualItems();
  const before = rows[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);

  // The moment the week is on screen, for the week-view benchmark.
  useEffect(() => {
    // A task after the next frame: the commit has been styled, laid out and painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark('ehrbs:week-rendered'), 0));
  }, [columns]);
  return (
    <div className="cweek-wrap">
      <table
        className="cweek"
        data-rendered="week"
        data-appointments={total}
        aria-rowcount={doctors.length + 1}
      >
        <caption className="visually-hidden">Appointments this week, by doctor and day</caption>
        <thead>
          <tr aria-rowindex={1}>
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
          {before > 0 && <Spacer height={before} span={dates.length + 1} />}
          {rows.map((row) => {
            const doctor = doctors[row.index];
            if (!doctor) return null;
            return (
              <tr key={doctor.id} style={{ height: row.size }} aria-rowindex={row.index + 2}>
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
            );
          })}
          {after > 0 && <Spacer height={after} span={dates.length + 1} />}
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for the rows scrolled out of view, so the scrollbar stays true. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" className="cweek__spacer">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}
