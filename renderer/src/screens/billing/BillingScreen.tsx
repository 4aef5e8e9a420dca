// Billing: the invoice list with today's visits to invoice, one invoice, the
// daily close and (for admins) the reports. Each view is its own file; this
// one only switches between them. Buttons follow session.capabilities; the
// core enforces the same table.
import { useState } from 'react';
import { holds } from '../../../../shared/auth/capabilities';
import type { ScreenProps } from '../../app/screen-definition';
import { Segmented } from '../../components/Segmented';
import { TitleRow } from '../../components/TitleRow';
import { DailyClose } from './DailyClose';
import { InvoiceList } from './InvoiceList';
import { InvoiceView } from './InvoiceView';
import { ReportsView } from './ReportsView';
import type { BillingView } from './route';
import { VisitsToInvoice } from './VisitsToInvoice';

type Tab = 'invoices' | 'close' | 'reports';

export function BillingScreen({ session, view: place }: ScreenProps<BillingView>) {
  const routed = place.kind === 'invoice' ? place.id : null;
  const [tab, setTab] = useState<Tab>('invoices');
  const [openId, setOpenId] = useState<string | null>(routed);
  // An address naming another invoice (a link from another screen) opens it.
  const [seen, setSeen] = useState(routed);
  if (routed !== seen) {
    setSeen(routed);
    if (routed !== null) {
      setTab('invoices');
      setOpenId(routed);
    }
  }
  const isAdmin = holds(session.capabilities, 'admin.access');
  const view = () => {
    switch (tab) {
      case 'close':
        return <DailyClose session={session} />;
      case 'reports':
        return <ReportsView session={session} />;
      case 'invoices':
        return openId ? (
          <InvoiceView key={openId} id={openId} session={session} onBack={() => setOpenId(null)} />
        ) : (
          <>
            {holds(session.capabilities, 'billing.write') && (
              <VisitsToInvoice session={session} onOpen={setOpenId} />
            )}
            <InvoiceList session={session} onOpen={setOpenId} />
          </>
        );
    }
  };
  return (
    <section className="billing" aria-labelledby="billing-title">
      <TitleRow title="Billing" headingId="billing-title">
        <Segmented<Tab>
          label="Billing views"
          segments={[
            { value: 'invoices', label: 'Invoices' },
            { value: 'close', label: 'Daily close' },
            ...(isAdmin ? [{ value: 'reports' as const, label: 'Reports' }] : []),
          ]}
          value={tab}
          onChange={(t) => {
            setTab(t);
            setOpenId(null);
          }}
        />
      </TitleRow>
      {view()}
    </section>
  );
}
