// The daily close: expected takings by method since this user's last close
// on this workstation, the counted cash and the difference; then sealed. The
// list of closes (admins see every close, others their own).
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';
import { TextField } from '../../components/TextField';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { downloadPdf } from './download-pdf';
import { moneyOf } from './billing-format';
import { countedCashOf, methodOptions } from './billing-model';

export function DailyClose({ session }: { session: SessionInfo }) {
  const canClose = holds(session.capabilities, 'billing.write');
  const preview = useLoaded('close-preview', () => api('billing.closePreview', {}));
  const closes = useLoaded('closes', () => api('billing.closes', {}));
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const req = useRequest();
  const print = useRequest();
  const fmt = moneyOf(session);
  const p = preview.value;
  const countedValue = countedCashOf(counted, session.tenant.currency);
  return (
    <>
      {canClose && (
        <form
          className="panel"
          aria-label="Close the day"
          onSubmit={(e) => {
            e.preventDefault();
            if (typeof countedValue === 'string') return setProblem(countedValue);
            setProblem(null);
            void req
              .run(() => api('billing.closeDay', { countedCash: countedValue, note }))
              .then((r) => {
                if (!r.ok) return;
                setCounted('');
                setNote('');
                preview.reload();
                closes.reload();
              });
          }}
        >
          <h2>Close the day</h2>
          <ErrorAlert message={preview.failure?.message ?? req.failure?.message ?? null} />
          {p && (
            <dl className="invoice-sums" aria-label="Expected takings">
              {methodOptions.map((m) => (
                <div key={m.value}>
                  <dt>Expected {m.label.toLowerCase()}</dt>
                  <dd>{fmt(p.expected[m.value])}</dd>
                </div>
              ))}
              <dt>Expected in total</dt>
              <dd>{fmt(p.expectedTotal)}</dd>
            </dl>
          )}
          <TextField
            label="Counted cash"
            inputMode="decimal"
            value={counted}
            error={problem ?? undefined}
            onChange={setCounted}
          />
          {p && typeof countedValue === 'number' && (
            <p>Difference: {fmt(countedValue - p.expected.cash)}</p>
          )}
          <TextField label="Note" value={note} onChange={setNote} />
          <p role="status" className="status-note">
            {req.succeeded ? 'The day is closed and sealed.' : ''}
          </p>
          <button type="submit" disabled={req.busy}>
            Close the day
          </button>
        </form>
      )}
      <section className="panel" aria-labelledby="closes-title">
        <h2 id="closes-title">Closes</h2>
        <ErrorAlert message={print.failure?.message ?? null} />
        <DataTable
          className="data-table"
          caption="Closes"
          rows={closes.value ?? []}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Close', rowHeader: true, cell: (c) => c.closeNumber },
            { header: 'Closed', cell: (c) => formatInstant(c.periodEnd) },
            { header: 'Expected cash', cell: (c) => fmt(c.expectedCash) },
            { header: 'Counted cash', cell: (c) => fmt(c.countedCash) },
            { header: 'Difference', cell: (c) => fmt(c.difference) },
            { header: 'Payments', cell: (c) => c.paymentCount },
            {
              header: 'Print',
              cell: (c) => (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={print.busy}
                  onClick={() =>
                    void print
                      .run(() => api('billing.closeDocument', { id: c.id }))
                      .then((r) => r.ok && downloadPdf(r.value))
                  }
                >
                  PDF<span className="visually-hidden"> of close {c.closeNumber}</span>
                </button>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
