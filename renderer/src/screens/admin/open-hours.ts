// Opens a doctor's hours under Admin → Staff (#/admin/staff/hours/<doctorId>).
// The doctor list is fetched first, so a doctor created a moment ago is in it
// when the editor starts.
import { useNav } from '../../stores/nav-store';
import { useSchedule } from '../../stores/schedule-store';
import { adminRoute } from './route';

export async function openDoctorHours(doctorId: string): Promise<void> {
  await useSchedule.getState().reloadDoctors();
  useNav.getState().go(adminRoute.href({ section: 'staff', patientId: null, hoursOf: doctorId }));
}
