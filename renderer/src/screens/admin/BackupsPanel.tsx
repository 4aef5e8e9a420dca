// Admin → Backups: back up now (one encrypted file in the data folder's
// backups/, its key protected by the passphrase typed here), and the backups
// already there with their time and size. Needs backup.run. In the browser
// host a backup is then offered as a download; in the desktop app main shows
// a native save dialog for a copy (Cancel keeps it in backups/ only).
import { useState } from 'react';
import { BackupPassphrase, type BackupInfo } from '../../../../shared/api/backups';
import type { SessionInfo } from '../../../../shared/api/session';
import { z } from 'zod';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { inputKinds } from '../../components/input-kinds';
import { formatInstant } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AdminForm } from './AdminForm';
import { AutoBackupForm } from './AutoBackupForm';
import { currentTransport } from '../../api/client';
import { hasSaveDialog, saveBackupAs } from '../../api/desktop';
import { useRequest } from '../../lib/useRequest';

/** The form's check: the passphrase as the core checks it, typed twice alike. */
const BackupForm = z
  .object({ passphrase: BackupPassphrase, confirm: z.string() })
  .refine((v) => v.passphrase === v.confirm, {
    message: 'the two passphrases differ',
    path: ['confirm'],
  });

export const formatBytes = (n: number): string =>
  n < 1024 * 1024
    ? `${Math.max(1, Math.round(n / 1024))} KB`
    : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Hands the file to the browser's own download, through a one-time link (browser host only). */
function startDownload(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

export function BackupsPanel({ session }: { session: SessionInfo }) {
  const backups = useLoaded('backups', () => api('backups.list', {}));
  const status = useLoaded('backup-status', () => api('backups.status', {}));
  const [written, setWritten] = useState<BackupInfo | null>(null);
  const downloads = useRequest();
  const web = currentTransport() === 'web';
  const desktop = hasSaveDialog();
  const [copied, setCopied] = useState<string | null>(null);
  async function download(b: BackupInfo) {
    const link = await downloads.run(() => api('backups.download', { fileName: b.fileName }));
    if (link.ok) startDownload(link.value.url, b.fileName);
  }
  async function saveCopy(b: BackupInfo) {
    const saved = await downloads.run(() => saveBackupAs(b.fileName));
    if (saved.ok)
      setCopied(
        saved.value.savedTo
          ? `A copy was saved to ${saved.value.savedTo}.`
          : 'No copy was saved; the backup is in the data folder.',
      );
  }
  const form = useSchemaForm({
    initial: { passphrase: '', confirm: '' },
    schema: BackupForm,
    send: (v) => api('backups.run', { passphrase: v.passphrase }),
    onDone: (b) => {
      setWritten(b);
      setCopied(null);
      backups.reload();
      status.reload();
      // The desktop asks at once where the copy goes (the backup is already safe in backups/).
      if (desktop) void saveCopy(b);
    },
    resetOnFailure: ['passphrase', 'confirm'],
  });
  const tz = session.tenant.timeZone;
  const columns: Column<BackupInfo>[] = [
    { header: 'Made', rowHeader: true, cell: (b) => formatInstant(b.createdAt, tz) },
    { header: 'Size', cell: (b) => formatBytes(b.bytes) },
    { header: 'File', cell: (b) => <code>{b.path}</code> },
    ...(web
      ? [
          {
            header: 'Download',
            hiddenHeader: true,
            cell: (b: BackupInfo) => (
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Download the backup of ${formatInstant(b.createdAt, tz)}`}
                disabled={downloads.busy}
                onClick={() => void download(b)}
              >
                Download
              </button>
            ),
          },
        ]
      : []),
  ];
  const last = status.value?.last;
  return (
    <section className="admin-section" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <ErrorAlert
        message={
          backups.failure?.message ?? status.failure?.message ?? downloads.failure?.message ?? null
        }
      />
      {status.value && (
        <p className={status.value.stale ? 'alert alert--error' : undefined}>
          {last
            ? `Last backup ${formatInstant(last.at, tz)}, ${formatBytes(last.bytes)}.`
            : 'No backup has been made on this workstation yet.'}
          {status.value.stale && ' The last good backup is more than 7 days old: back up now.'}
        </p>
      )}
      <p role="status" className="status-note">
        {written &&
          `Backup written to ${written.path} (${formatBytes(written.bytes)}). Keep the passphrase: without it the backup cannot be restored.`}
      </p>
      {written && web && (
        <button type="button" className="button" onClick={() => void download(written)}>
          Download this backup
        </button>
      )}
      {desktop && (
        <p role="status" className="status-note">
          {copied}
        </p>
      )}
      {written && desktop && (
        <button
          type="button"
          className="button"
          disabled={downloads.busy}
          onClick={() => void saveCopy(written)}
        >
          Save a copy of this backup…
        </button>
      )}
      <AdminForm
        title="Back up now"
        form={form}
        submitLabel="Back up now"
        busyLabel="Backing up…"
        intro={
          <p>
            One encrypted file with everything in this clinic's store, written to this workstation's
            data folder. Restore it from a new workstation’s first-run screen (“Restore from a
            backup”) or with <code>ehrbs restore --in FILE --data DIR</code>, and the passphrase
            chosen here.
          </p>
        }
      >
        <TextField
          label="Backup passphrase"
          hint="At least 12 characters. It is not stored anywhere: write it down somewhere safe."
          {...inputKinds.newPassword}
          {...form.field('passphrase')}
        />
        <TextField
          label="Passphrase again"
          {...inputKinds.newPassword}
          {...form.field('confirm')}
        />
      </AdminForm>
      {status.value && (
        <AutoBackupForm
          key={JSON.stringify(status.value.auto)}
          status={status.value}
          timeZone={tz}
          onChanged={() => {
            status.reload();
            backups.reload();
          }}
        />
      )}
      {backups.value !== null &&
        (backups.value.length === 0 ? (
          <p>No backups in this workstation's data folder yet.</p>
        ) : (
          <DataTable
            className="data-table"
            caption="Backups on this workstation"
            columns={columns}
            rows={backups.value}
            rowKey={(b) => b.fileName}
          />
        ))}
    </section>
  );
}
