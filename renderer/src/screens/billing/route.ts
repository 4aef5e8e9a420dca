// The Billing screen's address: its lists (`#/billing`) and one invoice
// (`#/billing/invoice/<id>`), which other screens link to (a completed visit's
// "Create invoice" opens the new draft).
import { screenRoute } from '../../app/screen-route';

export type BillingView = { kind: 'list' } | { kind: 'invoice'; id: string };

export const billingRoute = screenRoute<'billing', BillingView>('billing', {
  home: { kind: 'list' },
  parse([first, id]) {
    if (first === 'invoice' && id !== undefined) return { kind: 'invoice', id };
    return undefined;
  },
  format(view) {
    switch (view.kind) {
      case 'list':
        return [];
      case 'invoice':
        return ['invoice', view.id];
    }
  },
});
