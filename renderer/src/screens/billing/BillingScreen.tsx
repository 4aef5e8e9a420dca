// Billing is not built yet (issue 11 builds it): an honest notice until then.
import { ComingPanel } from '../../components/ComingPanel';

export function BillingScreen() {
  return (
    <ComingPanel title="Billing">
      Invoices, payments and receipts in the clinic&apos;s currency will live here.
    </ComingPanel>
  );
}
