// UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random
// bits. Sorted by creation time, so inserting one appends to a B-tree.
//
// Monotonic within this process (RFC 9562 §6.2, method 1): ids made in the
// same millisecond carry a 12-bit counter in rand_a, started at a random
// value below 2048, so "newest first" by id is the order entries were
// written even when a clock (or a test's fake clock) hands out one
// millisecond many times. The counter never runs out in practice (2048 ids in
// one millisecond); if it did, the id would still be unique, only unordered.
import { randomFillSync } from 'node:crypto';

let lastMillis = -1;
let counter = 0;

// Random bytes drawn 4 KiB at a time (as node's randomUUID does): one
// randomBytes call per id cost more than the rest of the id. Ids need
// uniqueness, not secrecy, and every byte is still used once only.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;

function sixteenRandomBytes(): Buffer {
  if (poolOffset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return bytes;
}

export function uuidV7(millis: number): string {
  const ms = Math.max(0, Math.floor(millis)) % 2 ** 48;
  const b = sixteenRandomBytes();
  if (ms === lastMillis && counter < 0xfff) counter++;
  else {
    lastMillis = ms;
    // A fresh random start below 2048, from the bytes rand_a is about to overwrite.
    counter = (((b[6] ?? 0) << 8) | (b[7] ?? 0)) & 0x7ff;
  }
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
