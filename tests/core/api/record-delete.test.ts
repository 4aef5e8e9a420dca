// Deleting a record through dispatch: an unsigned record by its author only
// (gone from the timeline, the delete audited); a signed record never, not
// even by its author; another doctor, the front desk and an admin are refused,
// and a refused delete changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { weekdayAvailability } from '../fixtures';
import { ADMIN, as, chartClinic, count, DESK, DOCTOR, errorOf, ok } from './chart-app';

const OTHER = { email: 'other.doc@example.test', password: 'doctor-password-2' };

let app: CoreApp;
let patientId: string;
let close: () => void;
beforeAll(async () => {
  const c = await chartClinic();
  ({ app, close } = c);
  patientId = c.patient.id;
  await as(app, ADMIN);
  await ok(app, 'doctors.create', {
    displayName: 'Dr Sam Other',
    specialty: 'General Practice',
    licenseNumber: 'L-78',
    consultationFee: 100,
    experienceYears: 3,
    availability: weekdayAvailability,
    ...OTHER,
  });
  await as(app, DOCTOR);
});
afterAll(() => close());

const note = (text: string, sign = false) =>
  ok(app, 'records.create', { patientId, recordType: 'note', content: { text }, sign });
const listed = async () =>
  (await ok(app, 'records.timeline', { patientId })).items.map((e) => e.id);
const live = () => count(app, 'SELECT count(*) AS n FROM medical_records WHERE deletedAt IS NULL');

describe('deleting a record', () => {
  it("deletes the author's unsigned record: gone from the timeline, the delete audited", async () => {
    const draft = await note('Wrong patient, entered by mistake.');
    expect(await listed()).toContain(draft.id);
    expect(await ok(app, 'records.delete', { id: draft.id })).toEqual({ id: draft.id });
    expect(await listed()).not.toContain(draft.id);
    expect((await errorOf(app, 'records.read', { id: draft.id })).code).toBe('NOT_FOUND');
    expect(
      count(
        app,
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'delete' AND tableAffected = 'medical_records' AND recordId = ?",
        draft.id,
      ),
    ).toBe(1);
  });

  it('never deletes a signed record, not even for its author', async () => {
    const signed = await note('Seen today.', true);
    const before = live();
    const e = await errorOf(app, 'records.delete', { id: signed.id });
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.message).toMatch(/signed record is never deleted/);
    expect(live()).toBe(before);
    expect(await listed()).toContain(signed.id);
  });

  it('refuses another doctor, the front desk and an admin, changing nothing', async () => {
    const draft = await note('Mine to delete.');
    const before = live();
    for (const [who, code] of [
      [OTHER, 'FORBIDDEN'],
      [DESK, 'FORBIDDEN'],
      [ADMIN, 'FORBIDDEN'],
    ] as const) {
      await as(app, who);
      expect((await errorOf(app, 'records.delete', { id: draft.id })).code).toBe(code);
      expect(live()).toBe(before);
    }
    await as(app, DOCTOR);
    expect(await listed()).toContain(draft.id);
  });

  it('refuses an id that is not a record', async () => {
    expect((await errorOf(app, 'records.delete', { id: patientId })).code).toBe('NOT_FOUND');
  });
});
