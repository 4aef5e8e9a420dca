// Admin → Audit log: filter the clinic's audit entries (a patient's from their
// details: "who has seen this patient"), page back through them, export the
// filtered view as CSV (the export is audited), and check each workstation's
// chain. Needs audit.read; the core refuses every call without it.
import { useState } from 'react';
import type { SessionInfo } from '../../../../../shared/api/session';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { downloadText } from '../../../lib/download';
import { formatCount, formatInstant } from '../../../lib/format';
import { useLoaded } from '../../../lib/useLoaded';
import { useRequest } from '../../../lib/useRequest';
import { useNav } from '../../../stores/nav-store';
import { adminRoute, type AdminView } from '../route';
import { emptyAuditFilter, toAuditFilter } from './audit-filter-model';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { ChainStatus } from './ChainStatus';
import { useAuditPages } from './useAuditPages';

export function AuditPanel({ session, view }: { session: SessionInfo; view: AdminView }) {
  const go = useNav((s) => s.go);
  const options = useLoaded('audit-options', () => api('audit.filterOptions', {}));
  const [draft, setDraft] = useState(emptyAuditFilter);
  const [applied, setApplied] = useState(emptyAuditFilter);
  const filter = toAuditFilter(applied, view.patientId);
  const pages = useAuditPages(filter);
  const exporting = useRequest();
  const [notice, setNotice] = useState('');
  const patient = useLoaded(`audit-patient-${view.patientId ?? ''}`, () =>
    view.patientId ? api('patients.get', { id: view.patientId }) : Promise.resolve(null),
  );

  const exportCsv = async () => {
    setNotice('');
    const result = await exporting.run(() => api('audit.exportCsv', { filter }));
    if (!result.ok) return;
    downloadText(result.value.fileName, result.value.csv, 'text/csv');
    setNotice(
      `Exported ${formatCount(result.value.rows)} entries.` +
        (result.value.truncated ? ' More matched: narrow the filter to export the rest.' : ''),
    );
  };

  const failure = options.failure ?? pages.request.failure ?? exporting.failure;
  return (
    <section className="admin-section" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      {view.patientId && (
        <p className="audit-patient">
          Entries about{' '}
          <strong>
            {patient.value
              ? `${patient.value.givenName} ${patient.value.familyName} (${patient.value.medicalRecordNumber})`
              : 'one patient'}
          </strong>
          : every time their details or records were opened or changed.{' '}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => go(adminRoute.href({ section: 'audit', patientId: null }))}
          >
            Show every patient
          </button>
        </p>
      )}
      <AuditFilterForm
        values={draft}
        options={options.value}
        onChange={setDraft}
        onApply={() => setApplied(draft)}
        busy={pages.request.busy}
      />
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row">
        <button
          type="button"
          className="button button--quiet"
          disabled={exporting.busy}
          onClick={() => void exportCsv()}
        >
          {exporting.busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <p role="status" className="status-note">
        {notice}
      </p>
      {pages.entries === null ? (
        !failure && <p>Loading entries…</p>
      ) : pages.entries.length === 0 && !pages.searchedBackTo ? (
        <p>No entries match.</p>
      ) : (
        <AuditTable entries={pages.entries} timeZone={session.tenant.timeZone} />
      )}
      {pages.searchedBackTo && (
        <p className="status-note">
          Searched the log back to {formatInstant(pages.searchedBackTo, session.tenant.timeZone)}.
          Older entries may match too.
        </p>
      )}
      {pages.more && (
        <button
          type="button"
          className="button"
          disabled={pages.request.busy}
          onClick={pages.loadOlder}
        >
          Show older entries
        </button>
      )}
      <ChainStatus />
    </section>
  );
}
