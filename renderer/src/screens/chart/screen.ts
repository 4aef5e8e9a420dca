// The chart screen in the app's registry: doctors land on their day.
import { defineScreen } from '../../app/screen-definition';
import { ChartScreen } from './ChartScreen';
import { chartRoute } from './route';

export const chartScreen = defineScreen({
  route: chartRoute,
  label: 'Chart',
  // Reached from the day, the schedule and Patients, not from the main navigation.
  nav: 'hidden',
  requires: 'records.write',
  component: ChartScreen,
  landing: (held) => (held.includes('records.write') ? 10 : null),
});
