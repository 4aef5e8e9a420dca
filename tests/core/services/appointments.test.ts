import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWorld } from '../world';
import { patientInput } from '../fixtures';
import { writableDb } from '../../../electron/core/clinic/writable-db';

/** The clinic's clock (Europe/London): 08:00 on Thursday 3 December 2026, unless a test moves it. */
const MORNING = Date.parse('2026-12-03T08:00:00.000Z');
let clock = MORNING;

describe('booking, moving and status changes in the core', () => {
  let w: Awaited<ReturnType<typeof clinicWorld>>;
  beforeAll(async () => {
    w = await clinicWorld({ now: () => clock });
  });
  afterAll(() => w.close());

  const book = (over: Partial<Parameters<typeof w.services.appointments.book>[1]> = {}) =>
    w.services.appointments.book(w.desk, {
      doctorId: w.doctor.id,
      patientId: w.patient.id,
      scheduledAt: '2026-12-02T09:00:00.000Z',
      durationMinutes: 30,
      ...over,
    });

  it('refuses double-booking a doctor, and one patient in two places, with a clear message', () => {
    const first = book();
    const other = w.services.patients.create(
      w.desk,
      patientInput({ givenName: 'Olive', familyName: 'Other' }),
    );
    expect(() => book({ patientId: other.id, scheduledAt: '2026-12-02T09:15:00.000Z' })).toThrow(
      expect.objectContaining({
        code: 'SLOT_TAKEN',
        message: expect.stringMatching(/doctor already has/),
      }),
    );
    expect(first.patientName).toBe('Zebulon Quixotewright');
    // Back to back is fine.
    expect(book({ patientId: other.id, scheduledAt: '2026-12-02T09:30:00.000Z' }).status).toBe(
      'scheduled',
    );
  });

  it('books an overbook only with a reason, and audits it', () => {
    const other = w.services.patients.create(
      w.desk,
      patientInput({ givenName: 'Ivy', familyName: 'Overbook' }),
    );
    const appt = book({
      patientId: other.id,
      scheduledAt: '2026-12-02T09:10:00.000Z',
      overbookReason: 'Urgent: chest pain',
    });
    expect(appt.overbookReason).toBe('Urgent: chest pain');
    const audit = writableDb(w.store)
      .prepare("SELECT action, userId, recordId FROM audit_logs WHERE action = 'overbook'")
      .all();
    expect(audit).toEqual([{ action: 'overbook', userId: w.desk.user.id, recordId: appt.id }]);
  });

  it('walks the allowed transitions and refuses the others clearly', () => {
    const a = book({ scheduledAt: '2026-12-03T10:00:00.000Z' });
    expect(
      w.services.appointments.setStatus(w.desk, { id: a.id, status: 'checked_in' }).status,
    ).toBe('checked_in');
    expect(() =>
      w.services.appointments.reschedule(w.desk, {
        id: a.id,
        scheduledAt: '2026-12-03T11:00:00.000Z',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(
      w.services.appointments.setStatus(w.doctorSession, { id: a.id, status: 'in_progress' })
        .status,
    ).toBe('in_progress');
    expect(
      w.services.appointments.setStatus(w.doctorSession, { id: a.id, status: 'completed' }).status,
    ).toBe('completed');
    expect(() =>
      w.services.appointments.setStatus(w.desk, { id: a.id, status: 'checked_in' }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        message: expect.stringMatching(/completed/),
      }),
    );
    expect(() =>
      w.services.appointments.cancel(w.desk, { id: a.id, reason: 'patient called' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('reschedules into a free time, cancels with a reason, and a cancelled slot is free again', () => {
    const a = book({ scheduledAt: '2026-12-04T10:00:00.000Z' });
    const moved = w.services.appointments.reschedule(w.desk, {
      id: a.id,
      scheduledAt: '2026-12-04T11:00:00.000Z',
    });
    expect(moved.scheduledAt).toBe('2026-12-04T11:00:00.000Z');
    const cancelled = w.services.appointments.cancel(w.desk, {
      id: a.id,
      reason: 'Patient is travelling',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Patient is travelling' });
    expect(book({ scheduledAt: '2026-12-04T11:00:00.000Z' }).status).toBe('scheduled');
  });

  it('offers free slots from availability minus bookings, in the clinic zone', () => {
    // 2026-12-07 is a Monday; London is on GMT in December. 09:00-17:00 minus 12:30-13:30, 15-minute slots.
    const slots = w.services.schedule.freeSlots(w.desk, {
      doctorId: w.doctor.id,
      fromDate: '2026-12-07',
      toDate: '2026-12-07',
    });
    expect(slots).toHaveLength(28);
    book({ scheduledAt: '2026-12-07T09:00:00.000Z', durationMinutes: 30 });
    const after = w.services.schedule.freeSlots(w.desk, {
      doctorId: w.doctor.id,
      fromDate: '2026-12-07',
      toDate: '2026-12-07',
    });
    expect(after).toHaveLength(26);
    expect(new Date(after[0]?.start ?? 0).toISOString()).toBe('2026-12-07T09:30:00.000Z');
  });

  it('exports the doctor schedule as iCalendar without patient names unless the clinic turns them on', () => {
    const range = { fromDate: '2026-12-01', toDate: '2026-12-08' };
    const off = w.services.schedule.icalExport(w.desk, { doctorId: w.doctor.id, ...range });
    expect(off.filename).toMatch(/^dr-greg-house-2026-12-01-to-2026-12-08\.ics$/);
    expect(off.content).not.toContain('Quixotewright');
    const events = new ICAL.Component(ICAL.parse(off.content)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThanOrEqual(5);
    w.services.clinicSettings.update(w.admin, { icalIncludePatientNames: true });
    expect(
      w.services.schedule.icalExport(w.desk, { doctorId: w.doctor.id, ...range }).content,
    ).toContain('Quixotewright');
  });

  it("lets a doctor edit their own hours but not a colleague's; front desk cannot edit hours", () => {
    const own = w.services.schedule.updateAvailability(w.doctorSession, {
      doctorId: w.doctor.id,
      availability: {
        slotMinutes: 20,
        weekly: [{ weekday: 2, start: '08:00', end: '12:00' }],
        breaks: [],
        exceptions: [],
      },
    });
    expect(own.availability.slotMinutes).toBe(20);
    expect(() =>
      w.services.schedule.updateAvailability(w.desk, {
        doctorId: w.doctor.id,
        availability: own.availability,
      }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it("checks in only today's appointments (clinic time zone), with a clear message otherwise", () => {
    const tomorrow = book({ scheduledAt: '2026-12-04T14:00:00.000Z' });
    const yesterday = book({ scheduledAt: '2026-12-02T15:00:00.000Z' });
    expect(() =>
      w.services.appointments.setStatus(w.desk, { id: tomorrow.id, status: 'checked_in' }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        message: "Only today's appointments can be checked in; this one is on 2026-12-04.",
      }),
    );
    expect(() =>
      w.services.appointments.setStatus(w.desk, { id: yesterday.id, status: 'checked_in' }),
    ).toThrow(expect.objectContaining({ message: expect.stringMatching(/was on 2026-12-02/) }));
    expect(w.repos.appointments.get(w.store.tenantId ?? '', tomorrow.id).status).toBe('scheduled');
    const tenantId = w.store.tenantId ?? '';
    try {
      // 03:00 UTC on the 4th is still the evening of the 3rd in New York: the clinic's day decides.
      w.repos.tenants.update(w.admin.actor, tenantId, { timeZone: 'America/New_York' });
      clock = Date.parse('2026-12-04T03:00:00.000Z');
      expect(() =>
        w.services.appointments.setStatus(w.desk, { id: tomorrow.id, status: 'checked_in' }),
      ).toThrow(expect.objectContaining({ message: expect.stringMatching(/is on 2026-12-04/) }));
      clock = Date.parse('2026-12-04T13:00:00.000Z');
      expect(
        w.services.appointments.setStatus(w.desk, { id: tomorrow.id, status: 'checked_in' }).status,
      ).toBe('checked_in');
    } finally {
      clock = MORNING;
      w.repos.tenants.update(w.admin.actor, tenantId, { timeZone: 'Europe/London' });
    }
  });
});
