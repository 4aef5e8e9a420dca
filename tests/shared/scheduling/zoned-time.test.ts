import { describe, expect, it } from 'vitest';
import {
  addDaysToDate,
  isoWeekdayOf,
  localDateOf,
  utcToZoned,
  zonedToUtc,
} from '../../../shared/scheduling';
import { LONDON, NY, iso, utc } from './fixtures';

describe('clinic wall clock to UTC', () => {
  it('uses standard and summer offsets either side of the change', () => {
    expect(iso(zonedToUtc('2026-03-07', '09:00', NY))).toBe('2026-03-07T14:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-09', '09:00', NY))).toBe('2026-03-09T13:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-01', '09:00', LONDON))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(zonedToUtc('2026-12-01', '09:00', LONDON))).toBe('2026-12-01T09:00:00.000Z');
  });

  it('moves a time that does not exist (spring forward) forward by the gap', () => {
    // New York skips 02:00-03:00 on 8 March 2026: 02:30 is read as 03:30 EDT.
    expect(iso(zonedToUtc('2026-03-08', '02:30', NY))).toBe('2026-03-08T07:30:00.000Z');
    expect(utcToZoned(zonedToUtc('2026-03-08', '02:30', NY), NY)).toEqual({
      date: '2026-03-08',
      time: '03:30',
    });
    // London skips 01:00-02:00 on 29 March 2026.
    expect(iso(zonedToUtc('2026-03-29', '01:15', LONDON))).toBe('2026-03-29T01:15:00.000Z');
    expect(utcToZoned(utc('2026-03-29T01:15:00Z'), LONDON).time).toBe('02:15');
  });

  it('gives the earlier instant for a time that happens twice (fall back)', () => {
    // 01:30 happens first in EDT (05:30Z) and again in EST (06:30Z).
    expect(iso(zonedToUtc('2026-11-01', '01:30', NY))).toBe('2026-11-01T05:30:00.000Z');
    // London repeats 01:00-02:00 on 25 October 2026: BST first.
    expect(iso(zonedToUtc('2026-10-25', '01:30', LONDON))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every whole hour of the change days that exists once', () => {
    for (const [date, zone] of [
      ['2026-03-08', NY],
      ['2026-11-01', NY],
      ['2026-03-29', LONDON],
      ['2026-10-25', LONDON],
    ] as const) {
      for (let h = 3; h < 24; h++) {
        const time = `${String(h).padStart(2, '0')}:00`;
        expect(utcToZoned(zonedToUtc(date, time, zone), zone)).toEqual({ date, time });
      }
    }
  });

  it('refuses malformed dates, times and zones with VALIDATION_FAILED', () => {
    expect(() => zonedToUtc('2026-02-30', '09:00', NY)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => zonedToUtc('2026-02-01', '24:00', NY)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => zonedToUtc('2026-02-01', '09:00', 'Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('local date helpers', () => {
  it('knows the ISO weekday of a date', () => {
    expect(isoWeekdayOf('2026-03-02')).toBe(1); // Monday
    expect(isoWeekdayOf('2026-03-08')).toBe(7); // Sunday
    expect(isoWeekdayOf('1969-12-31')).toBe(3); // Wednesday, before the epoch
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDaysToDate('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('gives the clinic-local date of an instant, which can differ from the UTC date', () => {
    expect(localDateOf(utc('2026-03-03T03:00:00Z'), NY)).toBe('2026-03-02');
    expect(localDateOf(utc('2026-07-01T23:30:00Z'), LONDON)).toBe('2026-07-02');
  });
});
