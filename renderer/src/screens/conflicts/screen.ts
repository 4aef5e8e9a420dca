// The Conflicts view in the app's registry: not in the main navigation, it is
// reached from the status bar's count of conflicts to resolve.
import { defineScreen } from '../../app/screen-definition';
import { ConflictsScreen } from './ConflictsScreen';
import { conflictsRoute } from './route';

export const conflictsScreen = defineScreen({
  route: conflictsRoute,
  label: 'Conflicts',
  nav: 'hidden',
  requires: 'appointments.read',
  component: ConflictsScreen,
});
