import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWorld } from '../world';
import { STAFF_PASSWORD } from '../fixtures';
import { writableDb } from '../../../electron/core/clinic/writable-db';

const forbidden = expect.objectContaining({ code: 'FORBIDDEN' });

describe('role rules enforced in the core services', () => {
  let w: Awaited<ReturnType<typeof clinicWorld>>;
  beforeAll(async () => {
    w = await clinicWorld();
  });
  afterAll(() => w.close());

  it('front-desk staff cannot read clinical record contents, list records, or write them', () => {
    expect(() => w.services.records.readContent(w.desk, w.record.id)).toThrow(forbidden);
    expect(() => w.services.records.listForPatient(w.desk, w.patient.id)).toThrow(forbidden);
    expect(() =>
      w.services.records.create(w.desk, {
        patientId: w.patient.id,
        recordType: 'note',
        content: { text: 'x' },
      }),
    ).toThrow(forbidden);
  });

  it('a refused read leaves no read entry in the audit log', () => {
    const reads = () =>
      writableDb(w.store).prepare("SELECT count(*) AS n FROM audit_logs WHERE action='read'").get();
    const before = reads();
    expect(() => w.services.records.readContent(w.desk, w.record.id)).toThrow(forbidden);
    expect(reads()).toEqual(before);
  });

  it('admins manage users but do not read clinical contents', async () => {
    expect(() => w.services.records.readContent(w.admin, w.record.id)).toThrow(forbidden);
    expect(w.services.records.listForPatient(w.admin, w.patient.id)).toHaveLength(1);
    await expect(
      w.services.users.createStaff(w.desk, {
        email: 'x@example.test',
        displayName: 'X',
        role: 'admin',
        password: STAFF_PASSWORD,
      }),
    ).rejects.toThrow(forbidden);
  });

  it('doctors read contents; front desk books and bills', () => {
    expect(w.services.records.readContent(w.doctorSession, w.record.id)).toEqual({
      text: 'Suspected sarcoidosis-marker-7731, order chest CT.',
    });
    expect(w.invoice.invoiceNumber).toMatch(/^INV-[A-Z0-9]{4}-000001$/);
  });

  it('patients are users but cannot log in to the desktop app', async () => {
    await w.services.users.createPatientUser(w.admin, {
      email: 'patient@example.test',
      displayName: 'Pat Ient',
    });
    await expect(
      w.services.auth.login('patient@example.test', STAFF_PASSWORD),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
  });

  it('a wrong password is refused clearly and audited as a failed login', async () => {
    await expect(
      w.services.auth.login('desk@example.test', 'nope-nope-nope'),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
      message: 'Wrong email or password.',
    });
    const last = writableDb(w.store)
      .prepare('SELECT action FROM audit_logs ORDER BY deviceSeq DESC LIMIT 1')
      .get();
    expect(last).toEqual({ action: 'login_failed' });
  });
});

describe('reads are attributable', () => {
  it('opening a patient appends a read entry naming the user, the patient row and the workstation', async () => {
    const w = await clinicWorld();
    try {
      w.services.patients.get(w.desk, w.patient.id);
      const last = writableDb(w.store)
        .prepare(
          'SELECT action, userId, tableAffected, recordId, deviceId FROM audit_logs ORDER BY deviceSeq DESC LIMIT 1',
        )
        .get();
      expect(last).toEqual({
        action: 'read',
        userId: w.desk.user.id,
        tableAffected: 'patients',
        recordId: w.patient.id,
        deviceId: w.store.deviceId,
      });
    } finally {
      w.close();
    }
  });
});
