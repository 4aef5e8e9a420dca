// Placeholder until the Billing screen is built; replace this file with the real screen.
import { NotBuiltPanel } from './NotBuiltPanel';

export function BillingScreen() {
  return (
    <NotBuiltPanel title="Billing">
      Invoices, payments and receipts in the clinic's currency will live here.
    </NotBuiltPanel>
  );
}
