// Every screen of the working app, one line each (key = the screen's id).
// Navigation, routing, the shell's current screen and the "not allowed" page
// all derive from this list (app/routes.ts), so adding a screen is one folder
// under screens/ (route.ts, screen.ts, its component) and one line here.
import { adminScreen } from '../screens/admin/screen';
import { billingScreen } from '../screens/billing/screen';
import { chartScreen } from '../screens/chart/screen';
import { conflictsScreen } from '../screens/conflicts/screen';
import { messagesScreen } from '../screens/messages/screen';
import { patientsScreen } from '../screens/patients/screen';
import { scheduleScreen } from '../screens/schedule/screen';

export const screenRegistry = {
  schedule: scheduleScreen,
  patients: patientsScreen,
  messages: messagesScreen,
  billing: billingScreen,
  admin: adminScreen,
  conflicts: conflictsScreen,
  chart: chartScreen,
};
