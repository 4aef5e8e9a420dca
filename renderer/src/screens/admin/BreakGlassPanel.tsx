// Admin → Sensitive access (audit.read): every time someone opened a sensitive
// patient by stating a reason ("break the glass"), newest first: who, which
// patient, why, when and on which workstation. Entries from other
// workstations appear after sync. Reading this list is itself audited.
import { useState } from 'react';
import type { BreakGlassEntry } from '../../../../shared/api/sensitive-patients';
import type { SessionInfo } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { patientsRoute } from '../patients/route';

const PAGE = 50;

export function BreakGlassPanel({ session }: { session: SessionInfo }) {
  const first = useLoaded('break-glass', () => api('patients.breakGlassLog', { limit: PAGE }));
  const [older, setOlder] = useState<{ items: BreakGlassEntry[]; more: boolean } | null>(null);
  const more = useRequest();
  const items = [...(first.value?.items ?? []), ...(older?.items ?? [])];
  const hasMore = older ? older.more : (first.value?.more ?? false);
  const tz = session.tenant.timeZone;

  const loadOlder = async () => {
    const before = items.at(-1)?.id;
    if (!before) return;
    const res = await more.run(() => api('patients.breakGlassLog', { before, limit: PAGE }));
    if (res.ok)
      setOlder({ items: [...(older?.items ?? []), ...res.value.items], more: res.value.more });
  };

  const columns: Column<BreakGlassEntry>[] = [
    { header: 'When', cell: (e) => formatInstant(e.at, tz) },
    { header: 'Who', rowHeader: true, cell: (e) => e.userName || 'Unknown user' },
    {
      header: 'Patient',
      cell: (e) => (
        <a href={patientsRoute.href({ kind: 'view', id: e.patientId })}>
          {e.patientName || 'Unknown patient'}
          {e.medicalRecordNumber && ` (${e.medicalRecordNumber})`}
        </a>
      ),
    },
    { header: 'Reason', cell: (e) => e.reason },
    { header: 'Workstation', cell: (e) => e.workstationName || e.deviceId },
  ];

  return (
    <section className="panel break-glass-log" aria-labelledby="break-glass-title">
      <h2 id="break-glass-title">Sensitive patients opened with a reason</h2>
      <ErrorAlert message={first.failure?.message ?? more.failure?.message ?? null} />
      {first.value === null ? (
        !first.failure && <p role="status">Loading the accesses…</p>
      ) : items.length === 0 ? (
        <p>Nobody has opened a sensitive patient yet.</p>
      ) : (
        <>
          <DataTable
            className="data-table"
            caption="Accesses to sensitive patients, newest first"
            columns={columns}
            rows={items}
            rowKey={(e) => e.id}
          />
          {hasMore && (
            <button
              type="button"
              className="button"
              disabled={more.busy}
              onClick={() => void loadOlder()}
            >
              Show older accesses
            </button>
          )}
        </>
      )}
    </section>
  );
}
