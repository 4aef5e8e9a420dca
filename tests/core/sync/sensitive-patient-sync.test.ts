// Sensitive patients across two workstations and a real sync server: a doctor
// marks a patient on A while B, offline, edits the same patient's phone; after
// sync both replicas are identical (per-cell last-writer-wins keeps both
// changes), B asks for a reason before opening the patient, and the reason
// given on B reaches A's admin list, decrypted there, naming workstation B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { STAFF_PASSWORD } from '../fixtures';
import type { clinicWorld } from '../world';
import { replicaContent } from './replicas';
import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';

describe('a sensitive patient on two workstations', () => {
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let b: Services;
  let bDesk: Session;
  let world: TwoWorkstations;

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Consulting room', b: 'Reception 2' });
    ({ a, bStore } = world);
    b = servicesFor(bStore);
    bDesk = await b.auth.login('desk@example.test', STAFF_PASSWORD);
  });

  afterAll(async () => {
    await world.close();
  });

  it('keeps the flag set on A and the phone edited offline on B, and B asks for a reason', async () => {
    const id = a.patient.id;
    const tenantId = a.store.tenantId ?? '';
    expect(b.patients.get(bDesk, id).sensitivity).toBe('none');

    a.services.sensitivePatients.setSensitivity(a.doctorSession, {
      patientId: id,
      sensitivity: 'vip',
    });
    b.patients.update(bDesk, { id, changes: { phone: '07700 900 123' } });

    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);

    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    for (const s of [a.services, b])
      expect(s.repos.patients.get(tenantId, id)).toMatchObject({
        sensitivity: 'vip',
        phone: '07700 900 123',
      });

    // B works offline from here: the flag is local data, the check needs no server.
    expect(() => b.patients.get(bDesk, id)).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    b.sensitivePatients.breakGlass(bDesk, { patientId: id, reason: 'Patient at the desk' });
    expect(b.patients.get(bDesk, id).phone).toBe('07700 900 123');

    await syncRound(bStore);
    await syncRound(a.store);
    const log = a.services.sensitivePatients.log(a.admin, { limit: 50 });
    expect(log.items.map((e) => [e.userName, e.reason, e.workstationName])).toEqual([
      ['Fran Desk', 'Patient at the desk', 'Reception 2'],
    ]);
  });

  it('ends with the same flag everywhere when both workstations change it concurrently', async () => {
    const id = a.patient.id;
    const bDoctor = await b.auth.login('dr.house@example.test', STAFF_PASSWORD);
    a.services.sensitivePatients.setSensitivity(a.admin, { patientId: id, sensitivity: 'staff' });
    b.sensitivePatients.setSensitivity(bDoctor, { patientId: id, sensitivity: 'none' });

    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);

    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    const tenantId = a.store.tenantId ?? '';
    const onA = a.services.repos.patients.get(tenantId, id).sensitivity;
    expect(['staff', 'none']).toContain(onA);
    expect(b.repos.patients.get(tenantId, id).sensitivity).toBe(onA);
  });
});
