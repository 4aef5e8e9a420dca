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

const REPLIES = [
  'Thanks, I will ring them after clinic.',
  'Done. Let me know if they call again.',
  'Yes, that is fine.',
  'Noted, thank you.',
] as const;
const TO_FRONT_DESK = [
  'Patient in room 2 is ready to book a follow-up in two weeks.',
  'Please call the patient back about their blood results today.',
] as const;

/**
 * Conversations between staff (some about patients, some answered, some read),
 * messages to the front desk's shared inbox (one of them urgent and unhandled),
 * and, being a demo, the admin's own conversations too.
 */
export function sendDemoMessages(
  store: ClinicStore,
  services: Services,
  rng: Prng,
  staff: readonly Session[],
  patientIds: readonly string[],
  count: number,
): void {
  const m = services.messages;
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const from = rng.pick(staff);
      const others = staff.filter((s) => s.user.id !== from.user.id);
      const to = rng.pick(others);
      const aboutPatient = patientIds.length > 0 && rng.chance(0.5);
      const { conversationId } = m.start(from, {
        to: { kind: 'users', userIds: [to.user.id] },
        body: aboutPatient ? rng.pick(ABOUT_PATIENT) : rng.pick(GENERAL),
        patientId: aboutPatient ? rng.pick(patientIds) : null,
        urgent: false,
      });
      // About half are read and answered; the rest stay unread for the recipient.
      if (rng.chance(0.5)) {
        m.markRead(to, { conversationId });
        m.reply(to, { conversationId, body: rng.pick(REPLIES), urgent: false });
      }
    }
    const doctors = staff.filter((s) => s.user.role === 'doctor');
    const desk = staff.filter((s) => s.user.role === 'front_desk');
    if (doctors.length === 0 || desk.length === 0) return;
    TO_FRONT_DESK.forEach((body, i) => {
      const { conversationId } = m.start(rng.pick(doctors), {
        to: { kind: 'role', role: 'front_desk' },
        body,
        patientId: patientIds.length > 0 ? rng.pick(patientIds) : null,
        urgent: i === TO_FRONT_DESK.length - 1,
      });
      // The first is handled by a receptionist; the urgent one is waiting.
      if (i === 0) m.markHandled(rng.pick(desk), { conversationId });
    });
  });
}
