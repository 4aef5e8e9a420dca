// Duplicate patients across two workstations and a real sync server (HTTPS,
// mutual TLS): the same person registered offline on both is listed as a
// likely duplicate pair on both after sync; an admin merges them on one while
// the other, still offline, books for and edits the record being retired;
// after sync both replicas are identical, every row is on the survivor, the
// retired id opens the survivor everywhere, and the late edit is kept visible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { ADMIN_PASSWORD } from '../helpers';
import { patientInput, STAFF_PASSWORD } from '../fixtures';
import type { clinicWorld } from '../world';
import { replicaContent } from './replicas';
import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';

describe('duplicate patients registered on two offline workstations', () => {
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let b: Services;
  let bDesk: Session;
  let bAdmin: Session;
  let world: TwoWorkstations;

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Front desk', b: 'Reception 2' });
    ({ a, bStore } = world);
    b = servicesFor(bStore);
    bDesk = await b.auth.login('desk@example.test', STAFF_PASSWORD);
    bAdmin = await b.auth.login('admin@example.test', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await world.close();
  });

  const amara = { givenName: 'Amara', familyName: 'Lindqvist', dateOfBirth: '1984-03-09' };
  const pairIds = (s: Services, admin: Session) =>
    s.patientDuplicates.pairs(admin, { limit: 200 }).pairs.map((p) => [p.a.id, p.b.id]);

  it('lists the pair on both workstations after sync, and merges it everywhere', async () => {
    // Offline on both: the same woman registered twice, the second with a typo and another phone.
    const onA = a.services.patients.create(
      a.desk,
      patientInput({ ...amara, phone: '020 7946 0555' }),
    );
    const onB = b.patients.create(
      bDesk,
      patientInput({ ...amara, givenName: 'Amarah', phone: '07700 900 555' }),
    );
    const bookedOnB = b.appointments.book(bDesk, {
      doctorId: a.doctor.id,
      patientId: onB.id,
      scheduledAt: '2026-12-04T09:00:00.000Z',
      durationMinutes: 15,
    });
    expect(pairIds(a.services, a.admin)).toEqual([]);

    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);
    const expected = [[onA.id, onB.id].sort()];
    expect(pairIds(a.services, a.admin)).toEqual(expected);
    expect(pairIds(b, bAdmin)).toEqual(expected);
    expect(a.services.patientDuplicates.pairs(a.admin, { limit: 10 }).pairs[0]?.reasons).toEqual([
      'same_family_and_birth',
    ]);

    // The admin on A keeps A's record and takes B's mobile number; B, offline, knows nothing yet.
    a.services.patientMerge.merge(a.admin, {
      survivorId: onA.id,
      retiredId: onB.id,
      takeFromRetired: ['phone'],
    });
    const lateBooking = b.appointments.book(bDesk, {
      doctorId: a.doctor.id,
      patientId: onB.id,
      scheduledAt: '2026-12-05T09:00:00.000Z',
      durationMinutes: 15,
    });
    b.patients.update(bDesk, { id: onB.id, changes: { address: '9 Canal Street' } });

    await syncRound(bStore);
    await syncRound(a.store);
    await syncRound(bStore);

    expect(replicaContent(bStore)).toEqual(replicaContent(a.store));
    const tenantId = a.store.tenantId ?? '';
    for (const s of [a.services, b]) {
      for (const id of [bookedOnB.id, lateBooking.id])
        expect(s.repos.appointments.get(tenantId, id).patientId).toBe(onA.id);
    }
    expect(b.patients.get(bDesk, onB.id)).toMatchObject({ id: onA.id, phone: '07700 900 555' });
    expect(pairIds(b, bAdmin)).toEqual([]);
    // The address typed on B after the merge is not lost: both list it for the survivor.
    for (const [s, admin] of [
      [a.services, a.admin],
      [b, bAdmin],
    ] as const) {
      expect(s.patientDuplicates.pairs(admin, { limit: 10 }).changedAfterMerge).toEqual([
        {
          survivor: expect.objectContaining({ id: onA.id }),
          retiredId: onB.id,
          field: 'address',
          changes: { address: '9 Canal Street' },
        },
      ]);
    }
    // Taking it over is an ordinary edit of the survivor, after which it is no longer listed.
    b.patients.update(bDesk, { id: onA.id, changes: { address: '9 Canal Street' } });
    await syncRound(bStore);
    await syncRound(a.store);
    expect(a.services.patientDuplicates.pairs(a.admin, { limit: 10 }).changedAfterMerge).toEqual(
      [],
    );
  });

  it('"not the same person" leaves the list on both; an offline dismissal survives an undo it had not seen', async () => {
    const twinA = a.services.patients.create(
      a.desk,
      patientInput({ givenName: 'Ines', familyName: 'Okafor', dateOfBirth: '2001-07-14' }),
    );
    const twinB = b.patients.create(
      bDesk,
      patientInput({ givenName: 'Ines', familyName: 'Okafor', dateOfBirth: '2001-07-14' }),
    );
    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);
    const pair = [twinA.id, twinB.id].sort();
    expect(pairIds(a.services, a.admin)).toContainEqual(pair);
    expect(pairIds(b, bAdmin)).toContainEqual(pair);

    // Twins: the admin on A says they are two people; after sync B no longer lists them either.
    a.services.duplicateDismissals.dismiss(a.admin, { aId: twinB.id, bId: twinA.id });
    expect(pairIds(a.services, a.admin)).not.toContainEqual(pair);
    await syncRound(a.store);
    await syncRound(bStore);
    expect(pairIds(b, bAdmin)).not.toContainEqual(pair);

    // Offline: A undoes it while B, not knowing, dismisses it again. Both workstations end
    // with the pair dismissed (B's dismissal is newer than what A's undo saw), and agree.
    a.services.duplicateDismissals.undismiss(a.admin, { aId: twinA.id, bId: twinB.id });
    expect(pairIds(a.services, a.admin)).toContainEqual(pair);
    b.duplicateDismissals.undismiss(bAdmin, { aId: twinA.id, bId: twinB.id });
    b.duplicateDismissals.dismiss(bAdmin, { aId: twinA.id, bId: twinB.id });
    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);
    expect(pairIds(a.services, a.admin)).not.toContainEqual(pair);
    expect(pairIds(b, bAdmin)).not.toContainEqual(pair);
    expect(replicaContent(a.store)).toEqual(replicaContent(bStore));
  });
});
