// Charting across two workstations and a sync server over real HTTPS: the
// same doctor amends one signed note on both while they are apart, and signs
// one unsigned record on both; after syncing, both amendments are kept on both
// replicas, the record is signed on both, the signed note's content is what
// was signed, and drafts never leave the workstation they were typed on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { STAFF_PASSWORD } from '../fixtures';
import type { clinicWorld } from '../world';
import { replicaContent } from './replicas';
import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';

describe('charting on two workstations', () => {
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let b: Services;
  let bDoctor: Session;
  let world: TwoWorkstations;

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Consulting room 1', b: 'Consulting room 2' });
    ({ a, bStore } = world);
    b = servicesFor(bStore);
    bDoctor = await b.auth.login('dr.house@example.test', STAFF_PASSWORD);
  });

  afterAll(async () => {
    await world.close();
  });

  it('keeps both concurrent amendments and one signature, and never syncs drafts', async () => {
    const patientId = a.patient.id;
    const signed = a.services.records.createRecord(a.doctorSession, {
      patientId,
      recordType: 'note',
      content: { subjective: 'Cough for two weeks' },
      sign: true,
    });
    const unsigned = a.services.records.createRecord(a.doctorSession, {
      patientId,
      recordType: 'vitals',
      content: { heartRate: 72 },
      sign: false,
    });
    await syncRound(a.store);
    await syncRound(bStore);

    // Apart: each workstation amends the signed note and signs the unsigned record.
    const onA = a.services.records.amendRecord(a.doctorSession, {
      id: signed.id,
      content: { text: 'Addendum written in room 1' },
      sign: true,
    });
    const onB = b.records.amendRecord(bDoctor, {
      id: signed.id,
      content: { text: 'Addendum written in room 2' },
      sign: false,
    });
    a.services.records.signRecord(a.doctorSession, { id: unsigned.id });
    b.records.signRecord(bDoctor, { id: unsigned.id });
    a.services.drafts.save(a.doctorSession, {
      patientId,
      appointmentId: a.appointment.id,
      content: { subjective: 'Still typing', objective: '', assessment: '', plan: '' },
    });

    for (let i = 0; i < 2; i++) {
      await syncRound(a.store);
      await syncRound(bStore);
    }

    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    for (const [services, session] of [
      [a.services, a.doctorSession],
      [b, bDoctor],
    ] as const) {
      const original = services.records.read(session, { id: signed.id });
      expect(original.content).toEqual({ subjective: 'Cough for two weeks' });
      expect(original.entry.state).toBe('amended');
      expect([...original.entry.amendmentIds].sort()).toEqual([onA.id, onB.id].sort());
      expect(services.records.read(session, { id: unsigned.id }).entry.state).toBe('signed');
    }
    const drafts = (s: ClinicStore) =>
      (writableDb(s).prepare('SELECT count(*) AS n FROM record_drafts').get() as { n: number }).n;
    expect(drafts(a.store)).toBe(1);
    expect(drafts(bStore)).toBe(0);
  });
});
