// A patient's statement: every invoice, payment, refund and void with what it
// changed and the running balance, and the statement as a PDF. It names the
// patient and shows their financial history, so a sensitive patient's
// statement asks for a reason first, with the dialog the patient details and
// chart use (SensitiveGate); a REASON_REQUIRED from the core (the grant was
// lost meanwhile) asks again the same way.
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { statementKindLabel } from '../../../../shared/billing';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { SensitiveGate } from '../patients/SensitiveGate';
import { moneyOf } from './billing-format';
import { downloadPdf } from './download-pdf';

interface Props {
  patientId: string;
  session: SessionInfo;
}

export function PatientStatement({ patientId, session }: Props) {
  // Cancel in the dialog leaves the invoice list as it is and the statement closed.
  const [declined, setDeclined] = useState(false);
  if (declined)
    return (
      <section className="panel" aria-labelledby="statement-title">
        <h2 id="statement-title">Statement</h2>
        <p>This patient is sensitive: their statement shows once you give a reason.</p>
        <button type="button" onClick={() => setDeclined(false)}>
          Give a reason
        </button>
      </section>
    );
  return (
    <SensitiveGate patientId={patientId} onCancel={() => setDeclined(true)}>
      {(_access, refresh) => (
        <StatementPanel patientId={patientId} session={session} onReasonRequired={refresh} />
      )}
    </SensitiveGate>
  );
}

function StatementPanel({
  patientId,
  session,
  onReasonRequired,
}: Props & { onReasonRequired(): void }) {
  const s = useLoaded(`statement-${patientId}`, () => api('billing.statement', { patientId }));
  const req = useRequest();
  const fmt = moneyOf(session);
  const reasonRequired =
    s.failure?.code === 'REASON_REQUIRED' || req.failure?.code === 'REASON_REQUIRED';
  // The gate asks for access again and shows the reason dialog.
  useEffect(() => {
    if (reasonRequired) onReasonRequired();
  }, [reasonRequired, onReasonRequired]);
  return (
    <section className="panel" aria-labelledby="statement-title">
      <h2 id="statement-title">Statement</h2>
      <ErrorAlert message={s.failure?.message ?? req.failure?.message ?? null} />
      {s.value && (
        <>
          <p data-testid="statement-balance">
            {s.value.balance < 0 ? 'In credit' : 'Balance due'}: {fmt(s.value.balance)}
          </p>
          <DataTable
            className="data-table"
            caption="Statement entries"
            rows={s.value.entries}
            rowKey={(e) => `${e.kind}-${e.billingId}-${e.date}-${e.balance}`}
            columns={[
              { header: 'Date', rowHeader: true, cell: (e) => formatDate(e.date) },
              { header: 'Entry', cell: (e) => statementKindLabel[e.kind] },
              { header: 'Invoice', cell: (e) => e.invoiceNumber ?? '—' },
              { header: 'Amount', cell: (e) => fmt(e.amount) },
              { header: 'Balance', cell: (e) => fmt(e.balance) },
            ]}
          />
        </>
      )}
      <button
        type="button"
        disabled={req.busy}
        onClick={() =>
          void req
            .run(() => api('billing.statementDocument', { patientId }))
            .then((r) => r.ok && downloadPdf(r.value))
        }
      >
        Download statement PDF
      </button>
    </section>
  );
}
