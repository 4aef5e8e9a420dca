// The status bar's backup warning, for those who can back up (backup.run):
// shown when the last good backup is older than 7 days, linking to Admin →
// Backups. Read when the shell opens and every 10 minutes after.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { adminRoute } from '../screens/admin/route';

const EVERY_MS = 10 * 60_000;

export function BackupWarning() {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    let live = true;
    const read = () =>
      api('backups.status', {}).then(
        (s) => live && setStale(s.stale),
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!stale) return null;
  return (
    <a className="statusbar__warn" href={adminRoute.href({ section: 'backups', patientId: null })}>
      No backup in the last 7 days — back up now
    </a>
  );
}
