// The Admin screen's address.
import { singleViewRoute } from '../../app/screen-route';

export const adminRoute = singleViewRoute('admin');
