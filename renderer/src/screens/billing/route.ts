// The Billing screen's address.
import { singleViewRoute } from '../../app/screen-route';

export const billingRoute = singleViewRoute('billing');
