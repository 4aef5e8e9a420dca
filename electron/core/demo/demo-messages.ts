// Staff messages for the demo: front desk asking doctors about patients,
// doctors writing to each other, the admin writing to everyone.
import type { Services } from '../services/services';
import type { Session } from '../services/session';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Prng } from './prng';

const ABOUT_PATIENT = [
  'The patient called asking whether their results are back. Could you ring them this afternoon?',
  'Patient would like a repeat prescription; can you review before Friday?',
  'Insurer needs a short report for this patient before they approve the referral.',
  'This patient arrived 20 minutes late; are you happy to still see them?',
  'Could you add a note about the new allergy the patient mentioned at the desk?',
] as const;
const GENERAL = [
  'Reminder: the fire alarm test is on Wednesday at 10:00.',
  'Can someone cover my Thursday afternoon list next week?',
  'New referral forms are in the shared drive; please use them from Monday.',
  'Thanks for seeing my walk-in this morning.',
  'The ECG machine in room 3 is back from servicing.',
  'Staff meeting moved to 13:00 on Tuesday.',
] as const;

export function sendDemoMessages(
  store: ClinicStore,
  services: Services,
  rng: Prng,
  staff: readonly Session[],
  patientIds: readonly string[],
  count: number,
): void {
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const from = rng.pick(staff);
      const others = staff.filter((s) => s.user.id !== from.user.id);
      const to = rng.pick(others);
      const aboutPatient = patientIds.length > 0 && rng.chance(0.5);
      services.messages.send(from, {
        receiverId: to.user.id,
        body: aboutPatient ? rng.pick(ABOUT_PATIENT) : rng.pick(GENERAL),
        patientId: aboutPatient ? rng.pick(patientIds) : null,
      });
    }
  });
}
