// The patient's outstanding balance, or the credit the clinic holds for them
// (money paid beyond an invoice's total), and the credit they can spend on an
// invoice, for billing.read only: doctors do not see money, as
// shared/auth/capabilities.ts decides.
import { api } from '../../api/client';
import { useLoaded } from '../../lib/useLoaded';
import { formatMinorUnits } from '../admin/money';

export function PatientBalance({ patientId }: { patientId: string }) {
  const { value, failure } = useLoaded(`balance-${patientId}`, () =>
    api('billing.patientBalance', { patientId }),
  );
  if (failure) return null;
  const spendable = value && value.credit > 0 && value.balance >= 0;
  return (
    <>
      <div>
        <dt>{value && value.balance < 0 ? 'In credit' : 'Outstanding balance'}</dt>
        <dd>
          {value
            ? `${formatMinorUnits(Math.abs(value.balance), value.currency)}${value.openInvoices ? ` (${value.openInvoices} open invoice${value.openInvoices === 1 ? '' : 's'})` : ''}`
            : '…'}
        </dd>
      </div>
      {spendable && (
        <div>
          <dt>Credit to spend</dt>
          <dd>{formatMinorUnits(value.credit, value.currency)}</dd>
        </div>
      )}
    </>
  );
}
