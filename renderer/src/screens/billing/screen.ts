// The Billing screen in the app's registry. Doctors do not hold billing.read,
// so they never see it (the decision is written in shared/auth/capabilities.ts).
import { defineScreen } from '../../app/screen-definition';
import { BillingScreen } from './BillingScreen';
import { billingRoute } from './route';

export const billingScreen = defineScreen({
  route: billingRoute,
  label: 'Billing',
  nav: 4,
  requires: 'billing.read',
  component: BillingScreen,
});
