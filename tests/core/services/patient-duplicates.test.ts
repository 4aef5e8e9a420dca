// Duplicate patients in one store: the check while registering, the admin's
// list of pairs, merging (rows move, the retired id opens the survivor, the
// merge is audited and needs patients.merge).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { patientInput } from '../fixtures';
import { clinicWorld } from '../world';

describe('duplicate patients', () => {
  let w: Awaited<ReturnType<typeof clinicWorld>>;
  beforeAll(async () => {
    w = await clinicWorld();
  });
  afterAll(() => w.close());

  const probe = (over: Record<string, string>) =>
    w.services.patientDuplicates.likely(w.desk, {
      givenName: '',
      familyName: '',
      dateOfBirth: '',
      phone: '',
      ...over,
    }).items;

  it('finds the existing patient by family name and birth date, by phone, and by a close name', () => {
    const { patient } = w;
    expect(probe({ familyName: 'quixotewright', dateOfBirth: patient.dateOfBirth })).toEqual([
      {
        patient: expect.objectContaining({ id: patient.id }),
        reasons: ['same_family_and_birth'],
      },
    ]);
    expect(probe({ phone: '(020) 7946-0018' })[0]?.reasons).toEqual(['same_phone']);
    expect(
      probe({
        givenName: 'Zebulun',
        familyName: 'Quixotwright',
        dateOfBirth: patient.dateOfBirth,
      })[0]?.reasons,
    ).toEqual(['similar_name_and_birth']);
    expect(probe({ familyName: 'Quixotewright', dateOfBirth: '1975-07-01' })).toEqual([]);
    expect(
      probe({
        familyName: 'Quixotewright',
        dateOfBirth: patient.dateOfBirth,
        excludeId: patient.id,
      }),
    ).toEqual([]);
  });

  it('lists a pair for an admin with patients.merge, and refuses the front desk', () => {
    const twin = w.services.patients.create(w.desk, patientInput({ givenName: 'Zeb', phone: '' }));
    const list = w.services.patientDuplicates.pairs(w.admin, { limit: 200 });
    expect(list.pairs).toEqual([
      {
        a: expect.objectContaining({ id: [w.patient.id, twin.id].sort()[0] }),
        b: expect.objectContaining({ id: [w.patient.id, twin.id].sort()[1] }),
        reasons: ['same_family_and_birth'],
      },
    ]);
    expect(() => w.services.patientDuplicates.pairs(w.desk, { limit: 10 })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() =>
      w.services.patientMerge.merge(w.desk, {
        survivorId: w.patient.id,
        retiredId: twin.id,
        takeFromRetired: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('merges: chosen fields, every row moves, the retired id opens the survivor, audited', () => {
    const twin = w.services.patients.create(
      w.desk,
      patientInput({ givenName: 'Zebulon', phone: '07700 900123', address: '1 New Street' }),
    );
    const appt = w.services.appointments.book(w.desk, {
      doctorId: w.doctor.id,
      patientId: twin.id,
      scheduledAt: '2026-12-03T10:00:00.000Z',
      durationMinutes: 15,
    });
    const note = w.services.records.create(w.doctorSession, {
      patientId: twin.id,
      recordType: 'note',
      content: { text: 'Second file note' },
    });
    const survivor = w.services.patientMerge.merge(w.admin, {
      survivorId: w.patient.id,
      retiredId: twin.id,
      takeFromRetired: ['phone'],
    });
    expect(survivor).toMatchObject({ id: w.patient.id, phone: '07700 900123' });
    expect(survivor.address).toBe(w.patient.address);
    expect(w.services.repos.appointments.get(w.store.tenantId ?? '', appt.id).patientId).toBe(
      w.patient.id,
    );
    expect(w.services.repos.medicalRecords.get(w.store.tenantId ?? '', note.id).patientId).toBe(
      w.patient.id,
    );
    expect(w.services.records.readContent(w.doctorSession, note.id)).toEqual({
      text: 'Second file note',
    });
    expect(w.services.patients.get(w.desk, twin.id).id).toBe(w.patient.id);
    const retired = writableDb(w.store)
      .prepare('SELECT deletedAt, mergedInto FROM patients WHERE id = ?')
      .get(twin.id) as { deletedAt: string | null; mergedInto: string };
    expect(retired.mergedInto).toBe(w.patient.id);
    expect(retired.deletedAt).not.toBeNull();
    const audit = writableDb(w.store)
      .prepare("SELECT userId, recordId, detail FROM audit_logs WHERE action = 'merge'")
      .all();
    expect(audit).toEqual([
      {
        userId: w.admin.user.id,
        recordId: w.patient.id,
        detail: expect.stringContaining(`merged ${twin.id} into ${w.patient.id}`),
      },
    ]);
    // Retired: no longer a duplicate, no longer searchable, and cannot be merged again.
    expect(probe({ phone: '07700 900123' }).map((d) => d.patient.id)).toEqual([w.patient.id]);
    expect(() =>
      w.services.patientMerge.merge(w.admin, {
        survivorId: w.patient.id,
        retiredId: twin.id,
        takeFromRetired: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() =>
      w.services.appointments.book(w.desk, {
        doctorId: w.doctor.id,
        patientId: twin.id,
        scheduledAt: '2026-12-03T11:00:00.000Z',
        durationMinutes: 15,
      }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('"not the same person" hides a pair, needs patients.merge, is audited and can be undone', () => {
    const born = { familyName: 'Vasquez-Hale', dateOfBirth: '1990-05-05', phone: '' };
    const one = w.services.patients.create(w.desk, patientInput({ ...born, givenName: 'Rosa' }));
    const two = w.services.patients.create(
      w.desk,
      patientInput({ ...born, givenName: 'Rosalind' }),
    );
    const listed = () =>
      w.services.patientDuplicates
        .pairs(w.admin, { limit: 200 })
        .pairs.some((p) => [p.a.id, p.b.id].includes(one.id) && [p.a.id, p.b.id].includes(two.id));
    const rows = () =>
      (
        writableDb(w.store).prepare('SELECT count(*) AS n FROM duplicate_dismissals').get() as {
          n: number;
        }
      ).n;
    expect(listed()).toBe(true);

    // Refused: without the permission, or naming a patient this clinic does not have. Nothing written.
    for (const s of [w.desk, w.doctorSession])
      expect(() => w.services.duplicateDismissals.dismiss(s, { aId: one.id, bId: two.id })).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    expect(() =>
      w.services.duplicateDismissals.dismiss(w.admin, {
        aId: one.id,
        bId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(rows()).toBe(0);

    w.services.duplicateDismissals.dismiss(w.admin, { aId: two.id, bId: one.id });
    w.services.duplicateDismissals.dismiss(w.admin, { aId: one.id, bId: two.id });
    expect(listed()).toBe(false);
    expect(rows()).toBe(1);
    const audited = writableDb(w.store)
      .prepare(
        "SELECT action, userId FROM audit_logs WHERE tableAffected = 'duplicate_dismissals' ORDER BY deviceSeq",
      )
      .all();
    expect(audited).toEqual([{ action: 'create', userId: w.admin.user.id }]);

    expect(w.services.duplicateDismissals.undismiss(w.admin, { aId: one.id, bId: two.id })).toEqual(
      {
        undone: 1,
      },
    );
    expect(listed()).toBe(true);
    expect(() =>
      w.services.duplicateDismissals.undismiss(w.admin, { aId: one.id, bId: two.id }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
