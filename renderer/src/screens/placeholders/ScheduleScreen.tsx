// Placeholder until the Schedule screen is built; replace this file with the real screen.
import { NotBuiltPanel } from './NotBuiltPanel';

export function ScheduleScreen() {
  return (
    <NotBuiltPanel title="Schedule">
      Day and week calendars for each doctor, booking, check-in and the doctors' queues will live
      here.
    </NotBuiltPanel>
  );
}
