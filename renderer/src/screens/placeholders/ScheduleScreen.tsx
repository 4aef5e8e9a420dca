// The Schedule screen now lives in screens/schedule; the shell imports it from here.
export { ScheduleScreen } from '../schedule/ScheduleScreen';
