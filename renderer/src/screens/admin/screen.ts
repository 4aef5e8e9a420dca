// The Admin screen in the app's registry. Inside it, each section and button
// needs its own permission as well (see sections.ts).
import { defineScreen } from '../../app/screen-definition';
import { AdminScreen } from './AdminScreen';
import { adminRoute } from './route';

export const adminScreen = defineScreen({
  route: adminRoute,
  label: 'Admin',
  nav: 5,
  requires: 'admin.access',
  component: AdminScreen,
});
