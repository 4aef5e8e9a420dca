// Opens a doctor's hours in the Schedule screen's editor (the one place hours
// are edited). The doctor list is fetched first, so a doctor created a moment
// ago is in it when the editor starts.
import { useNav } from '../../stores/nav-store';
import { useSchedule } from '../../stores/schedule-store';
import { scheduleRoute } from '../schedule/route';

export async function openDoctorHours(doctorId: string): Promise<void> {
  const schedule = useSchedule.getState();
  await schedule.reloadDoctors();
  useSchedule.setState({ tab: 'calendar', panel: { kind: 'hours', doctorId } });
  useNav.getState().go(scheduleRoute.href());
}
