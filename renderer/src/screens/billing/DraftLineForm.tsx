// Adding a line to a draft: from the price list or free text, a quantity and
// an optional discount (an amount or a percentage, with its reason). The
// draft is saved whole (billing.updateDraft), so the existing lines are sent
// back as they are stored.
import { useState } from 'react';
import type { InvoiceDetail, InvoiceLineInput } from '../../../../shared/api/billing';
import type { SessionInfo } from '../../../../shared/api/session';
import type { InvoiceLineItem } from '../../../../shared/domain/billing';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { formatMinorUnits, parseMajorUnits } from '../admin/money';
import { draftDiscount, noDiscount, type DiscountKind, type DiscountValues } from './billing-model';

/** A stored line as the input it was made from. */
export function lineInputOf(l: InvoiceLineItem): InvoiceLineInput {
  return {
    serviceCode: l.serviceCode,
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRateBp: l.taxRateBp,
    ...(l.discountKind && l.discountValue !== null
      ? {
          discount:
            l.discountKind === 'amount'
              ? { kind: 'amount' as const, amount: l.discountValue, reason: l.discountReason ?? '' }
              : {
                  kind: 'percent' as const,
                  basisPoints: l.discountValue,
                  reason: l.discountReason ?? '',
                },
        }
      : {}),
  };
}

interface Props {
  detail: InvoiceDetail;
  session: SessionInfo;
  onDone(d: InvoiceDetail): void;
}

export function DraftLineForm({ detail, session, onDone }: Props) {
  const prices = useLoaded('price-list', () => api('billing.priceList', {}));
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [discount, setDiscount] = useState<DiscountValues>(noDiscount);
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const req = useRequest();
  const currency = session.tenant.currency;
  const items = (prices.value ?? []).filter((p) => p.active);
  const submit = () => {
    const item = items.find((p) => p.code === code);
    const d = draftDiscount(discount, currency);
    if (!d.ok) return setProblem(d);
    setProblem(null);
    // A price the core refuses (not an amount) is sent as NaN, and its message shown.
    const typed = item ? item.price : (parseMajorUnits(price, currency) ?? Number.NaN);
    void req
      .run(() =>
        api('billing.updateDraft', {
          id: detail.invoice.id,
          lines: [
            ...detail.lines.map(lineInputOf),
            {
              serviceCode: item?.code ?? null,
              description: item?.description ?? description,
              quantity: Number(quantity),
              unitPrice: typed,
              ...(item?.taxRateBp ? { taxRateBp: item.taxRateBp } : {}),
              ...(d.discount ? { discount: d.discount } : {}),
            },
          ],
        }),
      )
      .then((r) => {
        if (!r.ok) return;
        setDiscount(noDiscount);
        onDone(r.value);
      });
  };
  const errorOf = (field: string) => (problem?.field === field ? problem.message : undefined);
  return (
    <form
      className="subform"
      aria-label="Add a line"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>Add a line</h3>
      <SelectField
        label="From the price list"
        value={code}
        options={[
          { value: '', label: 'Free text' },
          ...items.map((p) => ({
            value: p.code,
            label: `${p.code} ${p.description} (${formatMinorUnits(p.price, currency)})`,
          })),
        ]}
        onChange={setCode}
      />
      {!code && (
        <>
          <TextField label="Description" value={description} onChange={setDescription} />
          <TextField label="Unit price" inputMode="decimal" value={price} onChange={setPrice} />
        </>
      )}
      <TextField label="Quantity" inputMode="numeric" value={quantity} onChange={setQuantity} />
      <SelectField
        label="Discount"
        value={discount.kind}
        options={[
          { value: '', label: 'No discount' },
          { value: 'amount', label: 'An amount' },
          { value: 'percent', label: 'A percentage' },
        ]}
        onChange={(k) => setDiscount({ ...discount, kind: k as DiscountKind })}
      />
      {discount.kind !== '' && (
        <>
          <TextField
            label={discount.kind === 'amount' ? 'Discount amount' : 'Discount percent'}
            inputMode="decimal"
            value={discount.value}
            error={errorOf('discountValue')}
            onChange={(value) => setDiscount({ ...discount, value })}
          />
          <TextField
            label="Reason for the discount"
            value={discount.reason}
            error={errorOf('discountReason')}
            onChange={(reason) => setDiscount({ ...discount, reason })}
          />
        </>
      )}
      <ErrorAlert message={req.failure?.message ?? null} />
      <button type="submit" disabled={req.busy}>
        Add line
      </button>
    </form>
  );
}
