// The invoice list: filters (status, method, doctor, patient, date range),
// totals over every match, keyset "Show more", and, when one patient is
// chosen, that patient's statement.
import { useState } from 'react';
import type { InvoiceList as InvoiceListValue } from '../../../../shared/api/billing';
import type { SessionInfo } from '../../../../shared/api/session';
import { derivedStatuses } from '../../../../shared/billing';
import { addDaysToDate, localDateOf } from '../../../../shared/scheduling';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { SelectField } from '../../components/SelectField';
import { DateField } from '../../components/DateField';
import { useLoaded } from '../../lib/useLoaded';
import { moneyOf } from './billing-format';
import {
  listRequest,
  methodOptions,
  noFilters,
  statusWords,
  type ListFilters,
} from './billing-model';
import { PatientFilter, type ChosenPatient } from './PatientFilter';
import { PatientStatement } from './PatientStatement';
import { StatusTag } from './StatusTag';

export function InvoiceList({
  session,
  onOpen,
}: {
  session: SessionInfo;
  onOpen(id: string): void;
}) {
  // Opens on the last 31 days: totals over a whole clinic's history are a filter away, not the default.
  const [filters, setFilters] = useState<ListFilters>(() => ({
    ...noFilters,
    from: addDaysToDate(localDateOf(Date.now(), session.tenant.timeZone), -30),
  }));
  const [patient, setPatient] = useState<ChosenPatient | null>(null);
  const [more, setMore] = useState<InvoiceListValue['items']>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  const list = useLoaded(`invoices-${key}`, () => api('billing.list', listRequest(filters)));
  const doctors = useLoaded('billing-doctors', () => api('doctors.list', {}));
  const fmt = moneyOf(session);
  const set = (patch: Partial<ListFilters>) => {
    setFilters({ ...filters, ...patch });
    setMore([]);
    setCursor(null);
  };
  const nextCursor = cursor ?? list.value?.nextCursor ?? null;
  const rows = [...(list.value?.items ?? []), ...more];
  const showMore = async () => {
    if (!nextCursor) return;
    const page = await api('billing.list', listRequest(filters, nextCursor));
    setMore([...more, ...page.items]);
    setCursor(page.nextCursor ?? '');
  };
  const t = list.value?.totals;
  return (
    <>
      <section className="panel" aria-labelledby="invoices-title">
        <h2 id="invoices-title">Invoices</h2>
        <div className="filters" role="group" aria-label="Filter invoices">
          <SelectField
            label="Status"
            value={filters.status}
            options={[
              { value: '', label: 'Any status' },
              ...derivedStatuses.map((s) => ({ value: s, label: statusWords(s) })),
            ]}
            onChange={(v) => set({ status: v as ListFilters['status'] })}
          />
          <SelectField
            label="Payment method"
            value={filters.method}
            options={[{ value: '', label: 'Any method' }, ...methodOptions]}
            onChange={(v) => set({ method: v as ListFilters['method'] })}
          />
          <SelectField
            label="Doctor"
            value={filters.doctorId}
            options={[
              { value: '', label: 'Any doctor' },
              ...(Array.isArray(doctors.value) ? doctors.value : []).map((d) => ({
                value: d.id,
                label: d.displayName,
              })),
            ]}
            onChange={(v) => set({ doctorId: v })}
          />
          <DateField
            label="From"
            onlyDates
            value={filters.from}
            onChange={(v) => set({ from: v })}
          />
          <DateField label="To" onlyDates value={filters.to} onChange={(v) => set({ to: v })} />
          <PatientFilter
            chosen={patient}
            onChoose={(p) => {
              setPatient(p);
              set({ patientId: p?.id ?? '' });
            }}
          />
        </div>
        <ErrorAlert message={list.failure?.message ?? null} />
        {t && (
          <p className="totals" aria-label="Totals">
            {t.count} invoices · total {fmt(t.total)} · paid {fmt(t.paid)} · refunded{' '}
            {fmt(t.refunded)} · outstanding {fmt(t.balance)}
          </p>
        )}
        <DataTable
          className="data-table"
          caption="Invoices"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Invoice', rowHeader: true, cell: (r) => r.invoiceNumber ?? 'Draft' },
            {
              header: 'Date',
              cell: (r) => formatDate(localDateOf(Date.parse(r.date), session.tenant.timeZone)),
            },
            { header: 'Patient', cell: (r) => r.patientName },
            { header: 'Doctor', cell: (r) => r.doctorName ?? '—' },
            { header: 'Status', cell: (r) => <StatusTag status={r.state.status} /> },
            { header: 'Total', cell: (r) => fmt(r.state.total) },
            { header: 'Balance', cell: (r) => fmt(r.state.balance) },
            {
              header: 'Actions',
              hiddenHeader: true,
              cell: (r) => (
                <button type="button" onClick={() => onOpen(r.id)}>
                  Open {r.invoiceNumber ?? 'draft'}
                </button>
              ),
            },
          ]}
        />
        {nextCursor && (
          <button type="button" onClick={() => void showMore()}>
            Show more invoices
          </button>
        )}
      </section>
      {patient && <PatientStatement key={patient.id} patientId={patient.id} session={session} />}
    </>
  );
}
