import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../shared/domain/availability';
import { workingIntervals } from '../../../shared/scheduling';
import { LONDON, NY, iso, sundays, weekdays } from './fixtures';

const spans = (a: Availability, zone: string, from: string, to: string): string[][] =>
  workingIntervals(a, zone, from, to).map((w) => [iso(w.start), iso(w.end)]);

const hours = (a: Availability, zone: string, date: string): number =>
  workingIntervals(a, zone, date, date).reduce((sum, w) => sum + (w.end - w.start), 0) / 3_600_000;

describe('working intervals', () => {
  it('splits each weekday session at the lunch break and skips the weekend', () => {
    expect(spans(weekdays(), NY, '2026-03-06', '2026-03-09')).toEqual([
      ['2026-03-06T14:00:00.000Z', '2026-03-06T17:00:00.000Z'],
      ['2026-03-06T18:00:00.000Z', '2026-03-06T22:00:00.000Z'],
      // Saturday and Sunday: nothing. Monday is in daylight time (UTC-4).
      ['2026-03-09T13:00:00.000Z', '2026-03-09T16:00:00.000Z'],
      ['2026-03-09T17:00:00.000Z', '2026-03-09T21:00:00.000Z'],
    ]);
  });

  it('keeps 09:00-17:00 local on the daylight-saving Sundays', () => {
    const a = sundays('09:00', '17:00');
    expect(spans(a, NY, '2026-03-08', '2026-03-08')).toEqual([
      ['2026-03-08T13:00:00.000Z', '2026-03-08T21:00:00.000Z'],
    ]);
    expect(spans(a, NY, '2026-11-01', '2026-11-01')).toEqual([
      ['2026-11-01T14:00:00.000Z', '2026-11-01T22:00:00.000Z'],
    ]);
    expect(spans(a, LONDON, '2026-03-29', '2026-03-29')).toEqual([
      ['2026-03-29T08:00:00.000Z', '2026-03-29T16:00:00.000Z'],
    ]);
    expect(spans(a, LONDON, '2026-10-25', '2026-10-25')).toEqual([
      ['2026-10-25T09:00:00.000Z', '2026-10-25T17:00:00.000Z'],
    ]);
  });

  it('counts real hours when a session spans the clock change', () => {
    const night = sundays('00:00', '06:00');
    expect(hours(night, NY, '2026-03-08')).toBe(5); // the 23-hour day
    expect(hours(night, NY, '2026-11-01')).toBe(7); // the 25-hour day
    expect(hours(night, LONDON, '2026-03-29')).toBe(5);
    expect(hours(night, LONDON, '2026-10-25')).toBe(7);
    expect(hours(night, NY, '2026-03-15')).toBe(6);
  });

  it('removes a whole day off and only the span of a partial time off', () => {
    const a: Availability = {
      ...weekdays(),
      exceptions: [
        { kind: 'time_off', date: '2026-03-02', reason: 'conference' },
        { kind: 'time_off', date: '2026-03-03', span: { start: '14:00', end: '15:30' } },
      ],
    };
    expect(spans(a, NY, '2026-03-02', '2026-03-03')).toEqual([
      ['2026-03-03T14:00:00.000Z', '2026-03-03T17:00:00.000Z'],
      ['2026-03-03T18:00:00.000Z', '2026-03-03T19:00:00.000Z'],
      ['2026-03-03T20:30:00.000Z', '2026-03-03T22:00:00.000Z'],
    ]);
  });

  it('adds extra sessions, even on a weekend or a day off', () => {
    const a: Availability = {
      ...weekdays(),
      exceptions: [
        { kind: 'extra', date: '2026-03-07', span: { start: '10:00', end: '12:00' } },
        { kind: 'time_off', date: '2026-03-09' },
        { kind: 'extra', date: '2026-03-09', span: { start: '08:00', end: '09:00' } },
      ],
    };
    expect(spans(a, NY, '2026-03-07', '2026-03-09')).toEqual([
      ['2026-03-07T15:00:00.000Z', '2026-03-07T17:00:00.000Z'],
      ['2026-03-09T12:00:00.000Z', '2026-03-09T13:00:00.000Z'],
    ]);
  });

  it('merges an extra session that overlaps regular hours into one stretch', () => {
    const a: Availability = {
      ...weekdays(),
      exceptions: [{ kind: 'extra', date: '2026-03-04', span: { start: '11:00', end: '14:00' } }],
    };
    expect(spans(a, NY, '2026-03-04', '2026-03-04')).toEqual([
      ['2026-03-04T14:00:00.000Z', '2026-03-04T22:00:00.000Z'],
    ]);
  });

  it('refuses a reversed or over-long range', () => {
    expect(() => workingIntervals(weekdays(), NY, '2026-03-09', '2026-03-02')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => workingIntervals(weekdays(), NY, '2026-01-01', '2030-01-01')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
