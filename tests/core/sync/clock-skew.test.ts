// Clock skew between workstations and the sync server, with injected clocks
// (the store's `now` and the server's), never sleeps: a workstation whose
// clock is behind, one whose clock jumps backwards mid-session, and the exact
// limit (MAX_DRIFT_MS) on both sides: the server refuses changes stamped more
// than that ahead of it (CLOCK_SKEW, the batch is kept), and a workstation
// does not let a remote clock more than that ahead drag its own clock (it
// still applies the change, and says so).
import { afterEach, describe, expect, it } from 'vitest';
import type { ClinicStore, StoreOptions } from '../../../electron/core/clinic/clinic-store';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { clockWarningFor, syncRound } from '../../../electron/core/sync/sync-round';
import { MAX_DRIFT_MS, parseHlc } from '../../../shared/sync/hlc';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { servicesFor } from '../../../electron/core/services/services';
import { patientInput, STAFF_PASSWORD } from '../fixtures';
import { tempDir, testWrapper } from '../helpers';
import { clinicWorld } from '../world';

const MIN = 60_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(now?: () => Date): Promise<TestServer> {
  const s = await startTestServer(now ? { now } : {});
  cleanups.push(() => s.stop());
  return s;
}

async function workstationA(s: TestServer, opts: StoreOptions) {
  const a = await clinicWorld(opts);
  cleanups.push(() => a.close());
  await connectClinic(a.store, {
    serverUrl: s.server.url,
    fingerprint: s.server.caFingerprint,
    adminToken: s.adminToken,
    deviceName: 'Front desk',
  });
  return a;
}

async function workstationB(s: TestServer, a: ClinicStore, now?: () => number) {
  const { code } = await createEnrollmentCode(a);
  const dir = tempDir();
  const b = await joinClinic(dir.dir, testWrapper('workstation-b-pass'), {
    serverUrl: s.server.url,
    fingerprint: s.server.caFingerprint,
    code,
    deviceName: 'Consulting room',
    ...(now ? { now } : {}),
  });
  cleanups.push(() => {
    b.close();
    dir.cleanup();
  });
  return b;
}

const familyName = (store: ClinicStore, id: string): string | undefined =>
  (
    store.read.prepare('SELECT familyName FROM patients WHERE id = ?').get(id) as
      { familyName: string } | undefined
  )?.familyName;

/** The HLC of a patient's familyName cell on a store (its own, or the row's creation). */
const stampOf = (store: ClinicStore, id: string): string => {
  const row = store.read.prepare('SELECT _hlc, _clocks FROM patients WHERE id = ?').get(id) as {
    _hlc: string;
    _clocks: string;
  };
  const clocks = JSON.parse(row._clocks) as Record<string, string>;
  return clocks['familyName'] ?? row._hlc;
};

describe('clock skew', { timeout: 120_000 }, () => {
  it('a workstation clock 10 minutes behind the server: its work syncs whole and its status says by how much', async () => {
    const s = await server();
    const a = await workstationA(s, { now: () => Date.now() - 10 * MIN });
    const round = await syncRound(a.store);
    expect(round.clockWarning).toMatch(
      /^This computer's clock is about 10 minutes behind the sync server\. Please correct its date and time\./,
    );
    // The status the app shows comes from the store.
    expect(a.store.sync.clockWarning).toBe(round.clockWarning);
    expect(a.store.sync.clockOffsetMs).toBeGreaterThanOrEqual(10 * MIN);
    // Being behind is not refused: nothing waits, and another workstation has A's patient.
    expect(a.store.outbox.pendingCount()).toBe(0);
    const b = await workstationB(s, a.store);
    await syncRound(b);
    expect(familyName(b, a.patient.id)).toBe(a.patient.familyName);
    expect((await syncRound(b)).clockWarning).toBeNull();
  });

  it('a clock jumping backwards mid-session: later edits still win, on both workstations', async () => {
    const s = await server();
    const offset = { ms: 0 };
    const a = await workstationA(s, { now: () => Date.now() + offset.ms });
    await syncRound(a.store);
    const b = await workstationB(s, a.store);
    await syncRound(b);
    const id = a.patient.id;
    a.services.patients.update(a.desk, { id, changes: { familyName: 'Before-jump' } });
    await syncRound(a.store);
    const beforeJump = stampOf(a.store, id);

    offset.ms = -60 * MIN; // the clock is set back an hour (a wrong NTP answer, a user)
    a.services.patients.update(a.desk, { id, changes: { familyName: 'After-jump' } });
    const afterJump = stampOf(a.store, id);
    // The HLC keeps counting from the last value instead of going back with the wall clock.
    expect(afterJump > beforeJump).toBe(true);
    expect(parseHlc(afterJump).millis).toBeGreaterThan(a.store.now() + 59 * MIN);
    const round = await syncRound(a.store);
    expect(round.clockWarning).toMatch(/about 60 minutes behind the sync server/);
    await syncRound(b);
    expect(familyName(b, id)).toBe('After-jump');

    // B's clock is right: its edit is later than both, and A takes it although A's wall clock
    // is now far behind B's stamp (the stamp is applied; A's clock is not dragged forward).
    const bServices = servicesFor(b);
    const bDesk = await bServices.auth.login('desk@example.test', STAFF_PASSWORD);
    bServices.patients.update(bDesk, { id, changes: { familyName: 'From-B' } });
    await syncRound(b);
    const pulled = await syncRound(a.store);
    expect(pulled.clockWarning).toMatch(/^a remote clock is 36\d\d s ahead of this device/);
    expect(familyName(a.store, id)).toBe('From-B');
    expect(familyName(b, id)).toBe('From-B');
  });

  it('the exact limit: stamps MAX_DRIFT_MS ahead are taken, 1 ms more is refused and kept, then taken', async () => {
    const t0 = Date.now();
    const serverClock = { ms: t0 };
    const s = await server(() => new Date(serverClock.ms));
    const aClock = { ms: t0 + MAX_DRIFT_MS };
    const a = await workstationA(s, { now: () => aClock.ms });
    const first = await syncRound(a.store);
    // Exactly at the limit: stored, and no warning (|offset| = MAX_DRIFT_MS is allowed).
    expect(first.clockOffsetMs).toBe(-MAX_DRIFT_MS);
    expect(first.clockWarning).toBeNull();
    expect(clockWarningFor(-MAX_DRIFT_MS)).toBeNull();
    expect(clockWarningFor(MAX_DRIFT_MS)).toBeNull();
    expect(clockWarningFor(MAX_DRIFT_MS + 1)).toMatch(/about 5 minutes behind/);
    expect(clockWarningFor(-MAX_DRIFT_MS - 1)).toMatch(/about 5 minutes ahead of/);
    expect(a.store.outbox.pendingCount()).toBe(0);

    // B's clock is the server's: A's stamps exactly MAX_DRIFT_MS ahead of it are folded in quietly.
    const bClock = { ms: t0 };
    const b = await workstationB(s, a.store, () => bClock.ms);
    const joined = await syncRound(b);
    expect(joined.clockWarning).toBeNull();
    expect(familyName(b, a.patient.id)).toBe(a.patient.familyName);

    // One millisecond more: the server refuses the batch, A keeps it and says why.
    aClock.ms = t0 + MAX_DRIFT_MS + 1;
    const late = a.services.patients.create(a.desk, patientInput({ familyName: 'Onemillisecond' }));
    expect(parseHlc(stampOf(a.store, late.id)).millis).toBe(t0 + MAX_DRIFT_MS + 1);
    const refused = await syncRound(a.store);
    expect(refused.pushed).toBe(0);
    expect(refused.clockWarning).toMatch(
      /^This workstation's clock is about 5 minutes ahead of the server\. Correct it, then sync again\./,
    );
    expect(a.store.outbox.pendingCount()).toBeGreaterThan(0);
    await syncRound(b);
    expect(familyName(b, late.id)).toBeUndefined();

    // The server's clock moves on by 1 ms: the kept batch is taken as it was.
    serverClock.ms = t0 + 1;
    const taken = await syncRound(a.store);
    expect(taken.pushed).toBeGreaterThan(0);
    expect(taken.clockWarning).toBeNull();
    expect(a.store.outbox.pendingCount()).toBe(0);
    // B (still at t0) receives a stamp MAX_DRIFT_MS + 1 ahead of its clock: it applies the change
    // and says its clock was not moved that far.
    const pulled = await syncRound(b);
    expect(familyName(b, late.id)).toBe('Onemillisecond');
    expect(pulled.clockWarning).toBe(
      `a remote clock is ${Math.round((MAX_DRIFT_MS + 1) / 1000)} s ahead of this device (limit ${MAX_DRIFT_MS / 1000} s)`,
    );
    expect(parseHlc(b.clock.lastIssued).millis).toBeLessThanOrEqual(t0 + MAX_DRIFT_MS);
  });
});
