import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksTime, isBlockingStatus } from '../../../shared/scheduling';
import { intervalOf } from '../../../shared/scheduling/blocking';

describe('which appointments hold time', () => {
  it('holds time while booked, in the room or done; frees it when cancelled or missed', () => {
    expect(isBlockingStatus('scheduled')).toBe(true);
    expect(isBlockingStatus('checked_in')).toBe(true);
    expect(isBlockingStatus('in_progress')).toBe(true);
    expect(isBlockingStatus('completed')).toBe(true);
    expect(isBlockingStatus('cancelled')).toBe(false);
    expect(isBlockingStatus('no_show')).toBe(false);
    expect(blocksTime({ status: 'scheduled', deletedAt: '2026-01-01T00:00:00.000Z' })).toBe(false);
  });

  it('reads stored start times exactly as Date.parse does', () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, fc.boolean(), (ms, withMillis) => {
        const full = new Date(ms).toISOString();
        const scheduledAt = withMillis ? full : `${full.slice(0, 19)}Z`;
        expect(intervalOf({ scheduledAt, durationMinutes: 15 })).toEqual({
          start: Date.parse(scheduledAt),
          end: Date.parse(scheduledAt) + 15 * 60_000,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an unreadable start time with VALIDATION_FAILED', () => {
    for (const scheduledAt of ['2026-13-01T09:00:00Z', 'tomorrow', '2026-03-0xT09:00:00Z']) {
      expect(() => intervalOf({ scheduledAt, durationMinutes: 15 })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });
});
