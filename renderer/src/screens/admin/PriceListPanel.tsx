// The clinic's price list: services with a code, description, price and an
// optional tax rate. Admins with settings.manage edit it; invoices copy prices
// into their lines, so an edit never changes an issued invoice.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import type { PriceItem } from '../../../../shared/domain/billing';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { formatMinorUnits, parseMajorUnits } from './money';
import { priceItemRequest, taxRateText } from './price-list-model';

export function PriceListPanel({ session }: { session: SessionInfo }) {
  const list = useLoaded('price-list-admin', () => api('billing.priceList', {}));
  const canEdit = holds(session.capabilities, 'settings.manage');
  const [editing, setEditing] = useState<PriceItem | null>(null);
  const currency = session.tenant.currency;
  return (
    <section className="panel" aria-labelledby="prices-title">
      <h2 id="prices-title">Price list</h2>
      <ErrorAlert message={list.failure?.message ?? null} />
      <DataTable
        className="data-table"
        caption="Price list"
        rows={list.value ?? []}
        rowKey={(p) => p.id}
        columns={[
          { header: 'Code', rowHeader: true, cell: (p) => p.code },
          { header: 'Service', cell: (p) => p.description },
          { header: 'Price', cell: (p) => formatMinorUnits(p.price, currency) },
          { header: 'Tax', cell: (p) => taxRateText(p.taxRateBp) },
          { header: 'Offered', cell: (p) => (p.active ? 'Yes' : 'No') },
          ...(canEdit
            ? [
                {
                  header: 'Actions',
                  hiddenHeader: true,
                  cell: (p: PriceItem) => (
                    <button type="button" onClick={() => setEditing(p)}>
                      Edit {p.code}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <PriceItemForm
          key={editing?.id ?? 'new'}
          item={editing}
          currency={currency}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function PriceItemForm({
  item,
  currency,
  onDone,
}: {
  item: PriceItem | null;
  currency: string;
  onDone(): void;
}) {
  const [code, setCode] = useState(item?.code ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [price, setPrice] = useState(item ? String(item.price / 100) : '');
  const [tax, setTax] = useState(item?.taxRateBp ? String(item.taxRateBp / 100) : '');
  const [active, setActive] = useState(item?.active ?? true);
  const [problem, setProblem] = useState<string | null>(null);
  const req = useRequest();
  return (
    <form
      className="subform"
      aria-label={item ? `Edit ${item.code}` : 'Add a service'}
      onSubmit={(e) => {
        e.preventDefault();
        const r = priceItemRequest({ id: item?.id, code, description, price, tax, active }, (t) =>
          parseMajorUnits(t, currency),
        );
        if (typeof r === 'string') return setProblem(r);
        setProblem(null);
        void req.run(() => api('billing.savePriceItem', r)).then((x) => x.ok && onDone());
      }}
    >
      <h3>{item ? `Edit ${item.code}` : 'Add a service'}</h3>
      <TextField label="Code" value={code} onChange={setCode} hint="For example CONSULT or XRAY" />
      <TextField label="Service description" value={description} onChange={setDescription} />
      <TextField label="Price" inputMode="decimal" value={price} onChange={setPrice} />
      <TextField
        label="Tax rate (%)"
        inputMode="decimal"
        value={tax}
        onChange={setTax}
        hint="Leave empty for none"
      />
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
        Offered
      </label>
      <ErrorAlert message={problem ?? req.failure?.message ?? null} />
      <button type="submit" disabled={req.busy}>
        {item ? 'Save service' : 'Add service'}
      </button>
    </form>
  );
}
