// Admin → Sync → Workstations: every workstation of the clinic as the sync
// server knows it, with its number series, last sync and status; rename one,
// or revoke a lost or retired one (the server refuses it from then on, and
// whatever it had not synced is lost: the notice says what the clinic keeps).
import { useState } from 'react';
import type { WorkstationView } from '../../../../shared/api/workstations';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { formatInstant } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { pendingText, revokedNotice, workstationStatus } from './workstation-texts';

type Editing =
  { kind: 'rename'; w: WorkstationView; name: string } | { kind: 'revoke'; w: WorkstationView };

export function WorkstationsTable({ timeZone }: { timeZone: string }) {
  const list = useLoaded('workstations', () => api('workstations.list', {}));
  const { busy, failure, run, reset } = useRequest();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState('');
  const format = (iso: string) => formatInstant(iso, timeZone);

  function start(e: Editing) {
    reset();
    setNotice('');
    setEditing(e);
  }

  async function rename(w: WorkstationView, name: string) {
    const done = await run(() => api('workstations.rename', { deviceId: w.deviceId, name }));
    if (done.ok) {
      setEditing(null);
      setNotice(`Renamed to ${done.value.name}.`);
      list.reload();
    }
  }

  async function revoke(w: WorkstationView) {
    const done = await run(() => api('workstations.revoke', { deviceId: w.deviceId }));
    if (done.ok) {
      setEditing(null);
      setNotice(revokedNotice(done.value, format));
      list.reload();
    }
  }

  const columns: Column<WorkstationView>[] = [
    { header: 'Name', rowHeader: true, cell: (w) => w.name },
    { header: 'Number series', cell: (w) => w.seriesCode ?? 'Not yet known' },
    { header: 'Enrolled', cell: (w) => format(w.enrolledAt) },
    { header: 'Last sync', cell: (w) => (w.lastSyncAt ? format(w.lastSyncAt) : 'Never') },
    { header: 'Changes waiting', cell: pendingText },
    { header: 'Status', cell: (w) => workstationStatus(w, format) },
    {
      header: 'Actions',
      hiddenHeader: true,
      cell: (w) => (
        <div className="button-row button-row--tight">
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Rename ${w.name}`}
            disabled={busy}
            onClick={() => start({ kind: 'rename', w, name: w.name })}
          >
            Rename…
          </button>
          {w.status === 'active' && !w.thisWorkstation && (
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Revoke ${w.name}`}
              disabled={busy}
              onClick={() => start({ kind: 'revoke', w })}
            >
              Revoke…
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <section className="panel" aria-labelledby="workstations-title">
      <h3 id="workstations-title">Workstations</h3>
      <ErrorAlert message={list.failure?.message ?? failure?.message ?? null} />
      <p role="status" className="status-note">
        {notice}
      </p>
      {list.value === null ? (
        !list.failure && <p>Asking the sync server for the clinic’s workstations…</p>
      ) : (
        <DataTable
          className="data-table"
          caption="The clinic's workstations"
          columns={columns}
          rows={list.value}
          rowKey={(w) => w.deviceId}
        />
      )}
      {editing?.kind === 'rename' && (
        <form
          aria-label={`Rename ${editing.w.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void rename(editing.w, editing.name);
          }}
        >
          <TextField
            label="New name"
            value={editing.name}
            maxLength={100}
            onChange={(name) => setEditing({ ...editing, name })}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Renaming…' : 'Save name'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {editing?.kind === 'revoke' && (
        <div role="group" aria-label={`Revoke ${editing.w.name}`} className="panel">
          <p>
            Revoke <strong>{editing.w.name}</strong>? The sync server will refuse it from now on.
            Anything done on it since its last sync (
            {editing.w.lastSyncAt ? format(editing.w.lastSyncAt) : 'never synced'}) has not reached
            the clinic and will be lost.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void revoke(editing.w)}
            >
              {busy ? 'Revoking…' : 'Revoke this workstation'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setEditing(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
