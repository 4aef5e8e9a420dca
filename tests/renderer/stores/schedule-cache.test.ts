// The Schedule screen's week cache: a doctor's own week first, else the
// all-doctors week; replacing an entry; keeping only the last six.
import { describe, expect, it } from 'vitest';
import { cachedWeek, remember, type CachedWeek } from '../../../renderer/src/stores/schedule-cache';

const week = (fromDate: string, doctor: string, fetchedAt = 0): CachedWeek => ({
  fromDate,
  toDate: fromDate.replace(/\d\d$/, (d) => String(Number(d) + 6).padStart(2, '0')),
  doctor,
  appointments: [],
  workingHours: {},
  fetchedAt,
});

describe('schedule cache', () => {
  const all = week('2026-11-30', 'all', 1);
  const mine = week('2026-11-30', 'doc-1', 2);
  const range = { fromDate: all.fromDate, toDate: all.toDate };

  it("serves a doctor's own week first, then the all-doctors week, else nothing", () => {
    expect(cachedWeek([all, mine], range, 'doc-1')).toBe(mine);
    expect(cachedWeek([all, mine], range, 'doc-2')).toBe(all);
    expect(cachedWeek([mine], range, 'all')).toBeNull();
    expect(cachedWeek([all], { fromDate: '2026-12-07', toDate: '2026-12-13' }, 'all')).toBeNull();
  });

  it('replaces the same week and doctor, newest first, and keeps six', () => {
    const again = week('2026-11-30', 'all', 9);
    expect(remember([all, mine], again)).toEqual([again, mine]);
    let cache: CachedWeek[] = [];
    for (let d = 1; d <= 8; d++) cache = remember(cache, week(`2026-10-0${d}`, 'all'));
    expect(cache.map((c) => c.fromDate)).toEqual([
      '2026-10-08',
      '2026-10-07',
      '2026-10-06',
      '2026-10-05',
      '2026-10-04',
      '2026-10-03',
    ]);
  });
});
