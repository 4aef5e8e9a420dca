// Wrong passwords per account on this workstation (never synced, works
// offline). After FREE_TRIES wrong passwords, each further try must wait:
// 1 s after the 5th, doubling with each further failure, capped at 5 minutes.
// A successful login clears it. Kept in the store, so restarting the app does
// not reset the wait.
import type { WritableDB } from './db-handles';
import { cachedStatement } from './statement-cache';

export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 1_000;
const MAX_WAIT_MS = 5 * 60_000;

export interface LoginThrottle {
  /** Milliseconds until `account` may try again (0: now). */
  waitMs(account: string, now: number): number;
  /** Records a wrong password; returns the wait it now imposes. */
  fail(account: string, now: number): number;
  clear(account: string): void;
}

export const waitAfter = (failures: number): number =>
  failures < FREE_TRIES
    ? 0
    : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(30, failures - FREE_TRIES));

export function loginThrottle(db: WritableDB): LoginThrottle {
  const row = (account: string) =>
    cachedStatement(db, 'SELECT failures, retryAt FROM login_throttle WHERE account = ?').get(
      account,
    ) as { failures: number; retryAt: number } | undefined;
  return {
    waitMs: (account, now) => Math.max(0, (row(account)?.retryAt ?? 0) - now),
    fail(account, now) {
      const failures = (row(account)?.failures ?? 0) + 1;
      const wait = waitAfter(failures);
      cachedStatement(
        db,
        'INSERT INTO login_throttle (account, failures, retryAt) VALUES (?, ?, ?) ON CONFLICT(account) DO UPDATE SET failures = excluded.failures, retryAt = excluded.retryAt',
      ).run(account, failures, now + wait);
      return wait;
    },
    clear: (account) =>
      void cachedStatement(db, 'DELETE FROM login_throttle WHERE account = ?').run(account),
  };
}
