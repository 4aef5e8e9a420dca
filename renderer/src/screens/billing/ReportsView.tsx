// Billing → Reports (admins): revenue over a period by day (a table and a
// chart), payment method and doctor, and outstanding balances aged by days since issue; each table
// downloads as CSV (the core audits the export).
import { useState } from 'react';
import type { BillingReport, ReportTable } from '../../../../shared/api/billing-reports';
import type { SessionInfo } from '../../../../shared/api/session';
import { addDaysToDate, localDateOf } from '../../../../shared/scheduling';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { downloadText } from '../../lib/download';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { moneyOf } from './billing-format';
import { RevenueChart } from './RevenueChart';
import { methodLabel } from './billing-model';

const AGE_LABEL = {
  '0-30': '0–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '90+': 'Over 90 days',
};

interface Taken {
  payments: number;
  refunds: number;
  net: number;
}

export function ReportsView({ session }: { session: SessionInfo }) {
  const [period, setPeriod] = useState(() => {
    const today = localDateOf(Date.now(), session.tenant.timeZone);
    return { from: addDaysToDate(today, -30), to: today };
  });
  const ready = Boolean(period.from && period.to);
  const rep = useLoaded(`billing-report-${period.from}-${period.to}`, () =>
    ready ? api('billing.report', period) : Promise.resolve(null),
  );
  const csv = useRequest();
  const fmt = moneyOf(session);
  const r = rep.value;
  const exportCsv = (table: ReportTable) =>
    void csv
      .run(() => api('billing.reportCsv', { ...period, table }))
      .then((res) => res.ok && downloadText(res.value.fileName, res.value.csv, 'text/csv'));
  const csvButton = (table: ReportTable, what: string) => (
    <button type="button" disabled={csv.busy || !r} onClick={() => exportCsv(table)}>
      Export {what} as CSV
    </button>
  );
  const taken = <T extends Taken>() => [
    { header: 'Payments', cell: (x: T) => fmt(x.payments) },
    { header: 'Refunds', cell: (x: T) => fmt(x.refunds) },
    { header: 'Net taken', cell: (x: T) => fmt(x.net) },
  ];
  const figures = <T extends Taken & { invoiced: number }>() => [
    { header: 'Invoiced', cell: (x: T) => fmt(x.invoiced) },
    ...taken<T>(),
  ];
  return (
    <>
      <section className="panel" aria-labelledby="reports-title">
        <h2 id="reports-title">Revenue</h2>
        <div className="filters" role="group" aria-label="Report period">
          <DateField
            label="Report from"
            onlyDates
            value={period.from}
            onChange={(from) => setPeriod({ ...period, from })}
          />
          <DateField
            label="Report to"
            onlyDates
            value={period.to}
            onChange={(to) => setPeriod({ ...period, to })}
          />
        </div>
        <ErrorAlert message={rep.failure?.message ?? csv.failure?.message ?? null} />
        {r && (
          <p className="totals" aria-label="Report totals">
            Invoiced {fmt(r.totals.invoiced)} · payments {fmt(r.totals.payments)} · refunds{' '}
            {fmt(r.totals.refunds)} · net taken {fmt(r.totals.net)}
          </p>
        )}
        {r && (
          <>
            <DataTable
              className="data-table"
              caption="Revenue by payment method"
              rows={r.byMethod}
              rowKey={(m) => m.method}
              columns={[
                { header: 'Method', rowHeader: true, cell: (m) => methodLabel[m.method] },
                ...taken<BillingReport['byMethod'][number]>(),
              ]}
            />
            {csvButton('method', 'revenue by method')}
            <DataTable
              className="data-table"
              caption="Revenue by doctor"
              rows={r.byDoctor}
              rowKey={(d) => d.doctorId ?? 'none'}
              columns={[
                { header: 'Doctor', rowHeader: true, cell: (d) => d.doctorName },
                ...figures<BillingReport['byDoctor'][number]>(),
              ]}
            />
            {csvButton('doctor', 'revenue by doctor')}
            <RevenueChart days={r.byDay} currency={r.currency} money={fmt} />
            <DataTable
              className="data-table"
              caption="Revenue by day"
              rows={r.byDay}
              rowKey={(d) => d.date}
              columns={[
                { header: 'Day', rowHeader: true, cell: (d) => formatDate(d.date) },
                ...figures<BillingReport['byDay'][number]>(),
              ]}
            />
            {csvButton('day', 'revenue by day')}
          </>
        )}
      </section>
      {r && (
        <section className="panel" aria-labelledby="aged-title">
          <h2 id="aged-title">Outstanding balances</h2>
          <p>As of {r.aged.asOf}, by days since the invoice was issued.</p>
          <DataTable
            className="data-table"
            caption="Aged balances"
            rows={r.aged.rows}
            rowKey={(a) => a.bucket}
            columns={[
              { header: 'Age', rowHeader: true, cell: (a) => AGE_LABEL[a.bucket] },
              { header: 'Invoices', cell: (a) => a.invoices },
              { header: 'Outstanding', cell: (a) => fmt(a.balance) },
            ]}
          />
          {csvButton('aged', 'aged balances')}
        </section>
      )}
    </>
  );
}
