// A clinic with one of every entity, and a logged-in doctor and front-desk user.
import type { StoreOptions } from '../../electron/core/clinic/clinic-store';
import { clinicFixture } from './helpers';
import { patientInput, STAFF_PASSWORD, weekdayAvailability } from './fixtures';

export async function clinicWorld(opts: StoreOptions = {}) {
  const f = await clinicFixture(opts);
  const { services, admin } = f;
  const member = await services.users.createDoctor(admin, {
    email: 'dr.house@example.test',
    displayName: 'Dr Greg House',
    password: STAFF_PASSWORD,
    specialty: 'Diagnostics',
    licenseNumber: 'GMC-100',
    consultationFee: 12000,
    availability: weekdayAvailability,
    experienceYears: 20,
  });
  const doctor = services.repos.doctors.get(f.store.tenantId ?? '', member.doctor?.id ?? '');
  await services.users.createStaff(admin, {
    email: 'desk@example.test',
    displayName: 'Fran Desk',
    role: 'front_desk',
    password: STAFF_PASSWORD,
  });
  const doctorSession = await services.auth.login('dr.house@example.test', STAFF_PASSWORD);
  const desk = await services.auth.login('desk@example.test', STAFF_PASSWORD);
  const patient = services.patients.create(desk, patientInput());
  const appointment = services.appointments.book(desk, {
    doctorId: doctor.id,
    patientId: patient.id,
    scheduledAt: '2026-12-01T10:00:00.000Z',
    durationMinutes: 15,
  });
  const record = services.records.create(doctorSession, {
    patientId: patient.id,
    recordType: 'note',
    content: { text: 'Suspected sarcoidosis-marker-7731, order chest CT.' },
  });
  const message = services.messages.send(desk, {
    receiverId: doctorSession.user.id,
    body: 'Please call back about the lupus-marker-5521 results.',
    patientId: patient.id,
  });
  const invoice = services.billing.createInvoice(desk, {
    patientId: patient.id,
    appointmentId: appointment.id,
    paymentMethod: 'card',
    lines: [{ description: 'Consultation', quantity: 1, unitPrice: 12000 }],
    issue: true,
  });
  const payment = services.billing.recordPayment(desk, {
    billingId: invoice.id,
    amount: 5000,
    method: 'card',
  });
  const refund = services.billing.recordRefund(admin, {
    billingId: invoice.id,
    amount: 1000,
    method: 'card',
    reason: 'Charged twice for the dressing',
  });
  const priceItem = services.billing.savePriceItem(admin, {
    code: 'CONS',
    description: 'Consultation',
    price: 12000,
    taxRateBp: null,
    active: true,
  });
  const dayClose = services.billing.closeDay(desk, { countedCash: 0, note: '' });
  // After the close (which counts neither): 5.00 of change kept as credit on a dressing, spent on
  // a repeat dressing. The patient's balance is unchanged (70.00 on the visit).
  const dressing = services.billing.createInvoice(desk, {
    patientId: patient.id,
    paymentMethod: 'card',
    lines: [{ description: 'Dressing', quantity: 1, unitPrice: 1500 }],
    issue: true,
  });
  services.billing.recordPayment(desk, {
    billingId: dressing.id,
    amount: 2000,
    method: 'card',
    excessAsCredit: true,
  });
  const repeat = services.billing.createInvoice(desk, {
    patientId: patient.id,
    paymentMethod: 'card',
    lines: [{ description: 'Repeat dressing', quantity: 1, unitPrice: 500 }],
    issue: true,
  });
  const creditPayment = services.billing.payFromCredit(desk, { billingId: repeat.id, amount: 500 })
    .credits[0];
  return {
    ...f,
    refund,
    priceItem,
    dayClose,
    doctor,
    doctorSession,
    desk,
    patient,
    appointment,
    record,
    message,
    invoice,
    payment,
    creditPayment,
  };
}
