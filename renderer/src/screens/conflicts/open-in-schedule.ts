// Opens an appointment in the Schedule screen (its day, its doctor, its
// details panel), where it can be moved like any other.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { localDateOf } from '../../../../shared/scheduling';
import { useNav } from '../../stores/nav-store';
import { useSchedule } from '../../stores/schedule-store';
import { scheduleRoute } from '../schedule/route';

export function openInSchedule(a: AppointmentView, timeZone: string): void {
  useSchedule.setState({
    tab: 'calendar',
    view: 'day',
    date: localDateOf(Date.parse(a.scheduledAt), timeZone),
    doctor: a.doctorId,
    panel: { kind: 'details', id: a.id },
  });
  useNav.getState().go(scheduleRoute.href());
}
