// UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random
// bits. Sorted by creation time, so inserting one appends to a B-tree.
import { randomBytes } from 'node:crypto';

export function uuidV7(millis: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(Math.max(0, Math.floor(millis)) % 2 ** 48, 0, 6);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
