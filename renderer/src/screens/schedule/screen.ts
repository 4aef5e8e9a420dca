// The Schedule screen in the app's registry.
import { defineScreen } from '../../app/screen-definition';
import { scheduleRoute } from './route';
import { ScheduleScreen } from './ScheduleScreen';

export const scheduleScreen = defineScreen({
  route: scheduleRoute,
  label: 'Schedule',
  nav: 1,
  requires: 'appointments.read',
  component: ScheduleScreen,
});
