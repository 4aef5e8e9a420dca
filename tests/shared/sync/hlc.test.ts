import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HybridLogicalClock,
  MAX_DRIFT_MS,
  compareHlc,
  formatHlc,
  parseHlc,
} from '../../../shared/sync/hlc';

const DEV_A = '00000000-0000-4000-8000-00000000000a';
const DEV_B = '00000000-0000-4000-8000-00000000000b';

describe('hybrid logical clock', () => {
  it('stays strictly monotonic when the wall clock goes backwards', () => {
    let wall = 1_800_000_000_000;
    const clock = new HybridLogicalClock(DEV_A, () => wall);
    const a = clock.tick();
    wall -= 60 * 60 * 1000; // NTP correction: an hour back
    const b = clock.tick();
    const c = clock.tick();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(b).millis).toBe(parseHlc(a).millis);
  });

  it('stays monotonic across a restart with the clock set back (persisted last value)', () => {
    let wall = 1_800_000_000_000;
    const first = new HybridLogicalClock(DEV_A, () => wall);
    const last = first.tick();
    wall -= 10_000;
    const restarted = new HybridLogicalClock(DEV_A, () => wall, last);
    expect(restarted.tick() > last).toBe(true);
  });

  it('orders after received timestamps, and refuses a remote clock far in the future', () => {
    const wall = 1_800_000_000_000;
    const clock = new HybridLogicalClock(DEV_A, () => wall);
    const remote = formatHlc({ millis: wall + 1000, counter: 3, deviceId: DEV_B });
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
    const farFuture = formatHlc({ millis: wall + MAX_DRIFT_MS + 1, counter: 0, deviceId: DEV_B });
    const before = clock.lastIssued;
    expect(() => clock.receive(farFuture)).toThrow(/ahead/);
    expect(clock.lastIssued).toBe(before);
  });

  it('breaks ties by device id, and string order equals the clock order', () => {
    const a = { millis: 5, counter: 1, deviceId: DEV_A };
    const b = { millis: 5, counter: 1, deviceId: DEV_B };
    expect(compareHlc(a, b)).toBeLessThan(0);
    fc.assert(
      fc.property(
        fc.record({
          millis: fc.nat(2 ** 45),
          counter: fc.nat(0xffff),
          deviceId: fc.constantFrom(DEV_A, DEV_B),
        }),
        fc.record({
          millis: fc.nat(2 ** 45),
          counter: fc.nat(0xffff),
          deviceId: fc.constantFrom(DEV_A, DEV_B),
        }),
        (x, y) => formatHlc(x) < formatHlc(y) === compareHlc(x, y) < 0,
      ),
    );
  });

  it('never issues a duplicate or a smaller value under any wall-clock sequence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 200 }),
        (jumps) => {
          let wall = 1_800_000_000_000;
          const clock = new HybridLogicalClock(DEV_A, () => wall);
          let prev = '';
          for (const j of jumps) {
            wall += j;
            const t = clock.tick();
            if (!(t > prev)) return false;
            prev = t;
          }
          return true;
        },
      ),
    );
  });
});
