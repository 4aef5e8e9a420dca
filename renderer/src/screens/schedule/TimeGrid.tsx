// The time grid: a column per doctor (day view) or per day (one doctor's
// week), hour labels on the left, all in the clinic's time zone. Columns keep
// a readable width and the grid scrolls sideways under a fixed time column.
// The grid is one Tab stop: the arrow keys move focus between its slots and
// appointments (grid-nav.ts), Enter books or opens.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ColumnModel } from './TimeColumn';
import { TimeColumn } from './TimeColumn';
import { currentItem, isNavKey, locate, move, navColumns } from './grid-nav';
import type { Span } from './layout';
import { useClock } from '../../stores/clinic-format';

export const PX_PER_MINUTE = 1.6;

interface Props {
  columns: ColumnModel[];
  hours: Span;
  /** What each column's header says: the doctor (day view) or the date (week view). */
  header: 'doctor' | 'date';
  selectedId: string | null;
  /** The slot or appointment an open panel is about (a grid-nav key): kept in view. */
  revealKey: string | null;
  onSlot(doctorId: string, date: string, minutes: number): void;
  onOpen(id: string): void;
  onMove(id: string, doctorId: string, date: string, minutes: number): void;
}

const navOf = (el: EventTarget | null): string | null =>
  el instanceof HTMLElement ? (el.closest<HTMLElement>('[data-nav]')?.dataset.nav ?? null) : null;

export function TimeGrid(props: Props) {
  const { columns, hours, header, selectedId, revealKey, onSlot, onOpen, onMove } = props;
  const hintId = useId();
  const clock = useClock();
  const ref = useRef<HTMLDivElement>(null);
  const grid = useMemo(() => navColumns(columns), [columns]);
  const [active, setActive] = useState<string | null>(null);
  const current = currentItem(grid, active);
  const currentColumn = current === null ? -1 : (locate(grid, current)?.[0] ?? -1);

  const find = (key: string) =>
    ref.current?.querySelector<HTMLElement>(`[data-nav="${CSS.escape(key)}"]`) ?? null;

  // Opening a panel narrows the grid: scroll so the slot or appointment it is about stays in view.
  useEffect(() => {
    if (revealKey === null) return;
    const el = ref.current?.querySelector(`[data-nav="${CSS.escape(revealKey)}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [revealKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!isNavKey(e.key)) return;
    const from = navOf(e.target) ?? current;
    if (from === null) return;
    e.preventDefault();
    const next = move(grid, from, e.key);
    setActive(next);
    find(next)?.focus();
  };

  const hourMarks: number[] = [];
  for (let m = hours.start; m < hours.end; m += 60) hourMarks.push(m);
  const template = `3.5rem repeat(${columns.length}, minmax(var(--tcol-min), 1fr))`;
  return (
    <div
      ref={ref}
      className="tgrid"
      style={{ gridTemplateColumns: template }}
      data-rendered="grid"
      role="group"
      aria-label="Calendar"
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const key = navOf(e.target);
        if (key !== null && key !== active) setActive(key);
      }}
    >
      <p id={hintId} className="visually-hidden">
        Arrow keys move between free slots and appointments; Enter books a slot or opens an
        appointment.
      </p>
      <div className="tgrid__corner" />
      {columns.map((c) => (
        <div
          key={c.key}
          className="tgrid__head"
          title={header === 'doctor' ? c.doctorName : c.label}
        >
          {header === 'doctor' ? c.doctorName : c.label}
        </div>
      ))}
      <div className="tgrid__gutter" style={{ height: (hours.end - hours.start) * PX_PER_MINUTE }}>
        {hourMarks.map((m) => (
          <span key={m} className="tgrid__hour" style={{ top: (m - hours.start) * PX_PER_MINUTE }}>
            {clock(m)}
          </span>
        ))}
      </div>
      {columns.map((c, i) => (
        <TimeColumn
          key={c.key}
          column={c}
          hours={hours}
          pxPerMinute={PX_PER_MINUTE}
          selectedId={selectedId}
          focusKey={i === currentColumn ? current : null}
          onSlot={onSlot}
          onOpen={onOpen}
          onDropAppointment={onMove}
        />
      ))}
    </div>
  );
}
