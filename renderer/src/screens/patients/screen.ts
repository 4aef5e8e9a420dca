// The Patients screen in the app's registry.
import { defineScreen } from '../../app/screen-definition';
import { PatientsScreen } from './PatientsScreen';
import { patientsRoute } from './route';

export const patientsScreen = defineScreen({
  route: patientsRoute,
  label: 'Patients',
  nav: 2,
  requires: 'patients.read',
  component: PatientsScreen,
  // Everyone lands here for now; a doctor's day queue may outrank it later.
  landing: () => 0,
});
