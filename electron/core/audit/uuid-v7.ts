// UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random
// bits. Sorted by creation time, so inserting one appends to a B-tree.
//
// Monotonic within this process (RFC 9562 §6.2, method 1): ids made in the
// same millisecond carry a 12-bit counter in rand_a, started at a random
// value below 2048, so "newest first" by id is the order entries were
// written even when a clock (or a test's fake clock) hands out one
// millisecond many times. The counter never runs out in practice (2048 ids in
// one millisecond); if it did, the id would still be unique, only unordered.
import { randomBytes, randomInt } from 'node:crypto';

let lastMillis = -1;
let counter = 0;

export function uuidV7(millis: number): string {
  const ms = Math.max(0, Math.floor(millis)) % 2 ** 48;
  if (ms === lastMillis && counter < 0xfff) counter++;
  else {
    lastMillis = ms;
    counter = randomInt(0, 0x800);
  }
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
