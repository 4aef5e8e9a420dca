// "Last sync 2 minutes ago": the status bar's wording of how long since an instant.
import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../renderer/src/shell/relative-time';

const now = Date.parse('2026-06-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('relativeTime', () => {
  it('says "just now" for under 45 seconds, and for a clock slightly ahead', () => {
    expect(relativeTime(ago(10_000), now)).toBe('just now');
    expect(relativeTime(ago(-5_000), now)).toBe('just now');
  });

  it('uses the largest unit that fits', () => {
    const inEnglish = (ms: number) => relativeTime(ago(ms), now).replace(/\u00a0/g, ' ');
    expect(inEnglish(50_000)).toMatch(/1 minute ago|1 min/);
    expect(inEnglish(2 * 60_000)).toMatch(/2 minutes ago|2 min/);
    expect(inEnglish(3 * 3_600_000)).toMatch(/3 hours ago|3 hr/);
    expect(inEnglish(2 * 86_400_000)).toMatch(/2 days ago/);
  });
});
