import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../../electron/core/audit/uuid-v7';

describe('UUIDv7 audit ids', () => {
  it('carry the millisecond they were made in, as a sortable prefix', () => {
    const ms = Date.parse('2026-12-02T09:00:00.000Z');
    // 2026-12-02T09:00:00Z is 0x01a235fb6e80 ms since the epoch.
    expect(ms.toString(16)).toBe('1a235fb6e80');
    expect(uuidV7(ms).slice(0, 13)).toBe('01a235fb-6e80');
    expect(uuidV7(ms)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('sort in the order they were made, even within one millisecond', () => {
    const ms = Date.parse('2026-12-02T09:00:00.000Z');
    const ids = Array.from({ length: 1000 }, () => uuidV7(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = uuidV7(ms + 1);
    expect(later > (ids.at(-1) ?? '')).toBe(true);
  });
});
