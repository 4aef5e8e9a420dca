// Roving focus on the time grid: Up/Down walk a column in time order, Left/Right
// go to the nearest-in-time item of the next column that has any, edges stay put.
import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { ColumnModel } from '../../../../renderer/src/screens/schedule/TimeColumn';
import {
  appointmentNavKey,
  currentItem,
  move,
  navColumns,
  slotNavKey,
} from '../../../../renderer/src/screens/schedule/grid-nav';

function column(key: string, slots: number[], appointments: [string, number][]): ColumnModel {
  return {
    key,
    doctorId: key,
    doctorName: key,
    date: '2026-12-03',
    label: 'Thu',
    slots,
    slotMinutes: 15,
    working: [],
    placed: appointments.map(([id, start]) => ({
      appointment: { id } as AppointmentView,
      start,
      end: start + 15,
      lane: 0,
      lanes: 1,
    })),
  };
}

const grid = navColumns([
  column('a', [540, 585], [['x', 555]]),
  column('empty', [], []),
  column('b', [600], [['y', 540]]),
]);

describe('grid navigation', () => {
  it('orders a column by time, slots and appointments together', () => {
    expect(grid[0]?.map((i) => i.key)).toEqual([
      slotNavKey('a', 540),
      appointmentNavKey('x'),
      slotNavKey('a', 585),
    ]);
  });

  it('moves up and down a column and stops at its ends', () => {
    expect(move(grid, slotNavKey('a', 540), 'ArrowDown')).toBe(appointmentNavKey('x'));
    expect(move(grid, appointmentNavKey('x'), 'ArrowUp')).toBe(slotNavKey('a', 540));
    expect(move(grid, slotNavKey('a', 540), 'ArrowUp')).toBe(slotNavKey('a', 540));
    expect(move(grid, slotNavKey('a', 540), 'End')).toBe(slotNavKey('a', 585));
    expect(move(grid, slotNavKey('a', 585), 'Home')).toBe(slotNavKey('a', 540));
  });

  it('moves sideways to the nearest time, skipping empty columns', () => {
    expect(move(grid, slotNavKey('a', 585), 'ArrowRight')).toBe(slotNavKey('b', 600));
    expect(move(grid, slotNavKey('a', 540), 'ArrowRight')).toBe(appointmentNavKey('y'));
    expect(move(grid, appointmentNavKey('y'), 'ArrowLeft')).toBe(slotNavKey('a', 540));
    expect(move(grid, appointmentNavKey('y'), 'ArrowRight')).toBe(appointmentNavKey('y'));
  });

  it('starts on the active item while it exists, else the first one', () => {
    expect(currentItem(grid, appointmentNavKey('y'))).toBe(appointmentNavKey('y'));
    expect(currentItem(grid, appointmentNavKey('gone'))).toBe(slotNavKey('a', 540));
    expect(currentItem(grid, null)).toBe(slotNavKey('a', 540));
    expect(currentItem([[]], null)).toBeNull();
  });
});
