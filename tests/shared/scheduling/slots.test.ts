import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../shared/domain/availability';
import { freeSlots, type FreeSlotsInput } from '../../../shared/scheduling';
import { LONDON, NY, appt, iso, sundays, utc, weekdays } from './fixtures';

const starts = (input: FreeSlotsInput): string[] => freeSlots(input).map((s) => iso(s.start));
const localTimes = (input: FreeSlotsInput, zone: string): string[] =>
  freeSlots(input).map((s) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
      s.start,
    ),
  );

// Tuesday 3 March 2026, New York (UTC-5).
const day = { timeZone: NY, fromDate: '2026-03-03', toDate: '2026-03-03' };

describe('free slots', () => {
  it('offers a working day in slot-length pieces around the lunch break', () => {
    const slots = freeSlots({ ...day, availability: weekdays(30), appointments: [] });
    expect(slots).toHaveLength(14);
    expect(slots.every((s) => s.end - s.start === 30 * 60_000)).toBe(true);
    expect(localTimes({ ...day, availability: weekdays(30), appointments: [] }, NY)).toEqual([
      ...['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'],
      ...['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'],
    ]);
  });

  it('gives the right number of slots on the 23- and 25-hour days', () => {
    const night = sundays('00:00', '06:00', 60);
    const on = (date: string, zone: string): string[] =>
      starts({
        availability: night,
        timeZone: zone,
        fromDate: date,
        toDate: date,
        appointments: [],
      });
    expect(on('2026-03-08', NY)).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T07:00:00.000Z', // 03:00 EDT: the 02:00 hour does not exist
      '2026-03-08T08:00:00.000Z',
      '2026-03-08T09:00:00.000Z',
    ]);
    expect(on('2026-11-01', NY)).toHaveLength(7);
    expect(on('2026-11-01', NY)[0]).toBe('2026-11-01T04:00:00.000Z');
    expect(on('2026-03-29', LONDON)).toHaveLength(5);
    expect(on('2026-10-25', LONDON)).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z', // 01:00 GMT, the second 01:00 of the night
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
      '2026-10-25T04:00:00.000Z',
      '2026-10-25T05:00:00.000Z',
    ]);
  });

  it('keeps 09:00-17:00 daytime slots at the same local times on a clock-change day', () => {
    const a = sundays('09:00', '17:00', 60);
    const input = { availability: a, timeZone: NY, fromDate: '2026-03-08', toDate: '2026-03-08' };
    const local = localTimes({ ...input, appointments: [] }, NY);
    expect(local).toHaveLength(8);
    expect(local[0]).toBe('09:00');
    expect(local[7]).toBe('16:00');
  });

  it('removes booked slots, including every slot a longer or off-grid booking touches', () => {
    const appointments = [
      appt({ at: '2026-03-03T14:00:00.000Z', minutes: 30 }), // 09:00-09:30
      appt({ at: '2026-03-03T15:10:00.000Z', minutes: 30 }), // 10:10-10:40: two slots
    ];
    const local = localTimes({ ...day, availability: weekdays(30), appointments }, NY);
    expect(local.slice(0, 3)).toEqual(['09:30', '11:00', '11:30']);
  });

  it('leaves the neighbouring slots of a booking alone (back-to-back is free)', () => {
    const appointments = [appt({ at: '2026-03-03T14:30:00.000Z', minutes: 30 })]; // 09:30-10:00
    const local = localTimes({ ...day, availability: weekdays(30), appointments }, NY);
    expect(local.slice(0, 2)).toEqual(['09:00', '10:00']);
  });

  it('offers again the time of cancelled, no-show and deleted appointments', () => {
    const at = '2026-03-03T14:00:00.000Z';
    const free = [
      appt({ at, status: 'cancelled', minutes: 30 }),
      appt({ at, status: 'no_show', minutes: 30 }),
      appt({ at, deleted: true, minutes: 30 }),
    ];
    expect(localTimes({ ...day, availability: weekdays(30), appointments: free }, NY)[0]).toBe(
      '09:00',
    );
    for (const status of ['checked_in', 'in_progress', 'completed'] as const) {
      const held = [appt({ at, status, minutes: 30 })];
      expect(localTimes({ ...day, availability: weekdays(30), appointments: held }, NY)[0]).toBe(
        '09:30',
      );
    }
  });

  it('keeps the session grid after a partial time off instead of shifting later slots', () => {
    const a: Availability = {
      ...weekdays(15),
      exceptions: [
        { kind: 'time_off', date: '2026-03-03', span: { start: '10:00', end: '10:10' } },
      ],
    };
    const local = localTimes({ ...day, availability: a, appointments: [] }, NY);
    expect(local).toContain('09:45');
    expect(local).not.toContain('10:00');
    expect(local).not.toContain('10:10');
    expect(local).toContain('10:15');
  });

  it('does not offer slots that have already started', () => {
    const now = utc('2026-03-03T19:10:00Z'); // 14:10 local
    const local = localTimes({ ...day, availability: weekdays(30), appointments: [], now }, NY);
    expect(local[0]).toBe('14:30');
  });

  it('agrees with a plain check of every slot against every booking', () => {
    const base = utc('2026-03-02T14:00:00Z'); // Monday 09:00 local
    const booking = fc.record({
      offset: fc.integer({ min: 0, max: 5 * 24 * 60 }),
      minutes: fc.integer({ min: 5, max: 120 }),
      status: fc.constantFrom('scheduled', 'completed', 'cancelled', 'no_show' as const),
    });
    fc.assert(
      fc.property(fc.array(booking, { maxLength: 40 }), (bs) => {
        const appointments = bs.map((b) =>
          appt({ at: iso(base + b.offset * 60_000), minutes: b.minutes, status: b.status }),
        );
        const input = { timeZone: NY, fromDate: '2026-03-02', toDate: '2026-03-08' };
        const all = freeSlots({ ...input, availability: weekdays(20), appointments: [] });
        const held = appointments
          .filter((a) => a.status === 'scheduled' || a.status === 'completed')
          .map((a) => ({
            start: utc(a.scheduledAt),
            end: utc(a.scheduledAt) + a.durationMinutes * 60_000,
          }));
        const expected = all.filter((s) => !held.some((h) => h.start < s.end && s.start < h.end));
        expect(freeSlots({ ...input, availability: weekdays(20), appointments })).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
