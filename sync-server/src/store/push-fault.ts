// Test hook for crash tests, off unless EHRBS_TEST_PUSH_PAUSE names a file.
// Inside the push transaction, after a batch's changes are written and before
// its audit entries, the sequence and the batch id (nothing committed), the
// server writes that file (what it has written so far) and then blocks for
// good, so a test can SIGKILL it at exactly that point and know it did
// (tests/server/crash.test.ts). Like the client's `faults` hook in
// electron/core/write/mutation.ts; never set in production.
import { writeFileSync } from 'node:fs';

const markerFile = process.env.EHRBS_TEST_PUSH_PAUSE || null;

export interface PushPause {
  step: 'changes-written';
  /** Changes of the batch written in the open transaction. */
  changes: number;
}

export function pushFault(at: PushPause): void {
  if (!markerFile) return;
  writeFileSync(markerFile, JSON.stringify({ ...at, pid: process.pid }));
  // Synchronous: the event loop, and with it the open transaction, stays exactly here.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
