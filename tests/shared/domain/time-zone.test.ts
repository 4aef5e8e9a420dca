// TimeZone remembers the names the runtime accepted (shared/domain/primitives.ts):
// the memo must never turn a refusal into an acceptance.
import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../../shared/domain/primitives';

describe('TimeZone', () => {
  it('accepts a known zone every time, and refuses an unknown one every time', () => {
    for (let i = 0; i < 3; i++) {
      expect(TimeZone.safeParse('Europe/London').success).toBe(true);
      expect(TimeZone.safeParse('Mars/Olympus_Mons').success).toBe(false);
      expect(TimeZone.safeParse('').success).toBe(false);
    }
  });
});
