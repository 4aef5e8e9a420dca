// Roving focus on the time grid, as pure functions of the columns: the grid is
// one Tab stop and the arrow keys move between its slots and appointments.
// Up and Down walk a column in time order; Left and Right go to the
// neighbouring column's item nearest in time; Home and End to a column's
// first and last item.
import type { ColumnModel } from './TimeColumn';

/** One focusable thing on the grid: a free slot or an appointment. */
export interface NavItem {
  /** Unique on the grid; the element carries it as `data-nav`. */
  key: string;
  start: number;
}

export const slotNavKey = (columnKey: string, minutes: number): string =>
  `${columnKey}|slot|${minutes}`;
export const appointmentNavKey = (id: string): string => `appt|${id}`;

/** Each column's items, slots and appointments together, in time order. */
export function navColumns(columns: readonly ColumnModel[]): NavItem[][] {
  return columns.map((c) => {
    const items: NavItem[] = [
      ...c.slots.map((t) => ({ key: slotNavKey(c.key, t), start: t })),
      ...c.placed.map((p) => ({ key: appointmentNavKey(p.appointment.id), start: p.start })),
    ];
    return items.sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  });
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export const isNavKey = (key: string): key is NavKey =>
  ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key);

/** The column and position of an item, or null when it is not on the grid. */
export function locate(grid: readonly NavItem[][], key: string): [number, number] | null {
  for (const [c, items] of grid.entries()) {
    const i = items.findIndex((item) => item.key === key);
    if (i >= 0) return [c, i];
  }
  return null;
}

/** The item nearest in time in a column, or null if the column is empty. */
function nearest(items: readonly NavItem[], start: number): NavItem | null {
  let best: NavItem | null = null;
  for (const item of items) {
    if (!best || Math.abs(item.start - start) < Math.abs(best.start - start)) best = item;
  }
  return best;
}

/** The first column with anything in it, scanning from `from` by `step`. */
function nextColumn(grid: readonly NavItem[][], from: number, step: 1 | -1): number | null {
  for (let c = from + step; c >= 0 && c < grid.length; c += step) {
    if ((grid[c]?.length ?? 0) > 0) return c;
  }
  return null;
}

/** The item that takes focus first: the active one while it exists, else the grid's first. */
export function currentItem(grid: readonly NavItem[][], active: string | null): string | null {
  if (active !== null && locate(grid, active)) return active;
  for (const items of grid) if (items[0]) return items[0].key;
  return null;
}

/** Where a key press moves focus from `from`; the same key at an edge stays put. */
export function move(grid: readonly NavItem[][], from: string, key: NavKey): string {
  const at = locate(grid, from);
  if (!at) return currentItem(grid, null) ?? from;
  const [c, i] = at;
  const items = grid[c] ?? [];
  const here = items[i];
  if (!here) return from;
  switch (key) {
    case 'ArrowUp':
      return items[i - 1]?.key ?? from;
    case 'ArrowDown':
      return items[i + 1]?.key ?? from;
    case 'Home':
      return items[0]?.key ?? from;
    case 'End':
      return items[items.length - 1]?.key ?? from;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const target = nextColumn(grid, c, key === 'ArrowLeft' ? -1 : 1);
      if (target === null) return from;
      return nearest(grid[target] ?? [], here.start)?.key ?? from;
    }
  }
}
