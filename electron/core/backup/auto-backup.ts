// Automatic backups while the app runs: once a day at the clinic's chosen
// local time (the clinic's time zone, not the computer's), keeping the last N
// automatic files in the chosen folder. A day whose time passed while the app
// was closed is caught up at the next check. The clock is injected, so the
// schedule is tested without waiting (tests/core/backup/auto-backup.test.ts).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { localDateOf, zonedToUtc } from '../../../shared/scheduling/zoned-time';
import type { Settings } from '../settings/settings-store';

export type AutoBackupSettings = NonNullable<Settings['autoBackup']>;

export const AUTO_PREFIX = 'auto-clinic-';
export const BACKUP_SUFFIX = '.ehrbs-backup';
const DAY_MS = 86_400_000;

/** The most recent scheduled instant at or before `now`. */
export function latestScheduled(now: number, time: string, timeZone: string): number {
  const today = zonedToUtc(localDateOf(now, timeZone), time, timeZone);
  if (today <= now) return today;
  return zonedToUtc(localDateOf(now - DAY_MS, timeZone), time, timeZone);
}

/** Due when a scheduled time has passed since the last run (or since they were turned on). */
export function autoBackupDue(a: AutoBackupSettings, now: number, timeZone: string): boolean {
  const since = Date.parse(a.lastRunAt ?? a.enabledAt);
  return since < latestScheduled(now, a.time, timeZone);
}

/** The next scheduled instant after `now`, for Admin ("next automatic backup …"). */
export function nextScheduled(now: number, time: string, timeZone: string): number {
  const latestDay = localDateOf(latestScheduled(now, time, timeZone), timeZone);
  const nextDay = new Date(Date.parse(`${latestDay}T00:00:00Z`) + DAY_MS)
    .toISOString()
    .slice(0, 10);
  return zonedToUtc(nextDay, time, timeZone);
}

/** Removes the oldest automatic backups in `folder` beyond `keep`; other files are never touched. */
export function pruneAutoBackups(folder: string, keep: number): string[] {
  // Names carry their UTC time (auto-clinic-2030-01-01T02-00-00-000Z…), so name order is age order.
  const autos = readdirSync(folder)
    .filter((n) => n.startsWith(AUTO_PREFIX) && n.endsWith(BACKUP_SUFFIX))
    .sort();
  const removed = autos.slice(0, Math.max(0, autos.length - keep));
  for (const n of removed) rmSync(join(folder, n), { force: true });
  return removed;
}

export const backupFileName = (prefix: string, createdAt: string): string =>
  `${prefix}${createdAt.replace(/[:.]/g, '-')}${BACKUP_SUFFIX}`;
