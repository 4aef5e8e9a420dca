// A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014), as
// used by Actual Budget and cr-sqlite. A timestamp is (wall millis, counter,
// device id); its string form sorts lexicographically in the same total order,
// with the device id as the final tiebreak, so it can be compared as text in
// SQL and in code alike.

export interface Hlc {
  readonly millis: number;
  readonly counter: number;
  readonly deviceId: string;
}

/** Refuse to advance to a time more than this far ahead of our wall clock. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;
const MAX_COUNTER = 0xffff;
const MILLIS_DIGITS = 15;

export class HlcError extends Error {
  override readonly name = 'HlcError';
  constructor(
    readonly kind: 'clock_drift' | 'counter_overflow' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

export const formatHlc = (h: Hlc): string =>
  `${String(h.millis).padStart(MILLIS_DIGITS, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.deviceId}`;

const HLC_PATTERN = /^(\d{15})-([0-9a-f]{4})-([0-9a-zA-Z-]{1,64})$/;

export function parseHlc(text: string): Hlc {
  const m = HLC_PATTERN.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) {
    throw new HlcError('malformed', 'malformed HLC timestamp');
  }
  return { millis: Number(m[1]), counter: parseInt(m[2], 16), deviceId: m[3] };
}

export const isHlcText = (text: string): boolean => HLC_PATTERN.test(text);

export const compareHlc = (a: Hlc, b: Hlc): number =>
  a.millis - b.millis ||
  a.counter - b.counter ||
  (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0);

/**
 * A device's clock. `now` is injected so tests can move the wall clock; the
 * last issued value is persisted by the caller (`onIssue`) and passed back in at
 * start, so timestamps stay monotonic across restarts even if the wall clock
 * went backwards meanwhile.
 */
export class HybridLogicalClock {
  private last: Hlc;

  constructor(
    readonly deviceId: string,
    private readonly now: () => number,
    persistedLast: string | null = null,
  ) {
    this.last = persistedLast ? parseHlc(persistedLast) : { millis: 0, counter: 0, deviceId };
  }

  /** The last timestamp issued or observed. */
  get lastIssued(): string {
    return formatHlc(this.last);
  }

  /**
   * A new timestamp for a local event, greater than every one issued or
   * received before. It never fails: if the wall clock went backwards (or a
   * previous run's clock was ahead) we keep counting from the last value.
   */
  tick(): string {
    const wall = this.now();
    const millis = Math.max(this.last.millis, wall);
    this.last = this.advance(millis, millis === this.last.millis ? this.last.counter + 1 : 0);
    return formatHlc(this.last);
  }

  /**
   * Fold in a timestamp received from another device so our next tick orders
   * after it. A remote clock more than MAX_DRIFT_MS ahead of ours is refused
   * (HlcError 'clock_drift') instead of dragging this device's clock into the
   * future; the caller still applies the change, so nothing is lost.
   */
  receive(remoteText: string): void {
    const remote = parseHlc(remoteText);
    const wall = this.now();
    if (remote.millis - wall > MAX_DRIFT_MS) {
      throw new HlcError(
        'clock_drift',
        `a remote clock is ${Math.round((remote.millis - wall) / 1000)} s ahead of this device (limit ${MAX_DRIFT_MS / 1000} s)`,
      );
    }
    const millis = Math.max(this.last.millis, remote.millis, wall);
    let counter = 0;
    if (millis === this.last.millis && millis === remote.millis) {
      counter = Math.max(this.last.counter, remote.counter) + 1;
    } else if (millis === this.last.millis) {
      counter = this.last.counter + 1;
    } else if (millis === remote.millis) {
      counter = remote.counter + 1;
    }
    this.last = this.advance(millis, counter);
  }

  /** Counter overflow borrows the next millisecond rather than failing. */
  private advance(millis: number, counter: number): Hlc {
    return counter > MAX_COUNTER
      ? { millis: millis + 1, counter: 0, deviceId: this.deviceId }
      : { millis, counter, deviceId: this.deviceId };
  }
}
