// Test hook for crash tests, off unless EHRBS_TEST_PUSH_PAUSE names a file.
// Inside the push transaction, nothing committed, the server writes that file
// (where it is and what it has written so far) and then blocks for good, so a
// test can SIGKILL it at exactly that point and know it did
// (tests/server/crash.test.ts):
// - SQLite: after a batch's changes are written and before its audit entries,
//   the sequence and the batch id;
// - PostgreSQL: after the one statement that writes the whole batch, before
//   COMMIT (the transaction is open, the tenant row locked).
// Like the client's `faults` hook in electron/core/write/mutation.ts; never
// set in production.
import { writeFileSync } from 'node:fs';

const markerFile = process.env.EHRBS_TEST_PUSH_PAUSE || null;

export type PushPause =
  | {
      step: 'changes-written';
      /** Changes of the batch written in the open transaction. */
      changes: number;
    }
  | {
      step: 'batch-written-uncommitted';
      changes: number;
      /** Audit entries of the batch written in the open transaction. */
      audit: number;
    };

export function pushFault(at: PushPause): void {
  if (!markerFile) return;
  writeFileSync(markerFile, JSON.stringify({ ...at, pid: process.pid }));
  // Synchronous: the event loop, and with it the open transaction, stays exactly here.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
