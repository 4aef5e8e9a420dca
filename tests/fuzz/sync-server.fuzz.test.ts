// Seeded, bounded fuzzing of the sync server over real HTTPS, on SQLite and
// on PostgreSQL: every route, malformed bodies (missing, replaced and extra
// fields, nested garbage, raw non-JSON, odd content types), with no
// certificate, a valid workstation certificate and another clinic's, with
// and without admin tokens. No 5xx, no dropped connection, no stack trace or
// path in an error, and the server still answers health and a valid pull at
// the end. The seed is in the test name; re-run with FUZZ_SEED=<seed>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versions } from '../server/helpers/client';
import { createTempDatabase, type TempDatabase } from '../server/helpers/pg';
import { startTestServer, type TestServer } from '../server/helpers/server';
import {
  describeSyncFinding,
  fuzzSyncServer,
  replyProblem,
  syncFuzzWorld,
  type SyncFuzzWorld,
} from './sync-server-fuzz';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = 1200;

it('the reply oracle flags what it must', () => {
  expect(replyProblem({ status: 500, data: {} })).toBe('status 500');
  expect(replyProblem({ status: 503, data: { code: 'UNAVAILABLE' } })).toBe('status 503');
  expect(replyProblem({ status: 200, data: {} })).toBeNull();
  expect(
    replyProblem({ status: 400, data: { code: 'VALIDATION_FAILED', message: 'x', issues: [] } }),
  ).toBeNull();
  expect(
    replyProblem({
      status: 400,
      data: { code: 'VALIDATION_FAILED', message: 'Error: x\n    at f (/a.js:1:1)', issues: [] },
    }),
  ).toBe('error carries a stack trace or path');
  expect(replyProblem({ status: 404, data: { message: 'Not Found' } })).toContain('known code');
});

for (const backend of ['sqlite', 'postgresql'] as const) {
  describe(`sync server fuzz on ${backend} (seed ${SEED}, ${RUNS} requests)`, () => {
    let t: TestServer;
    let db: TempDatabase | undefined;
    let w: SyncFuzzWorld;
    beforeAll(async () => {
      if (backend === 'postgresql') db = await createTempDatabase();
      t = await startTestServer(db ? { databaseUrl: db.url } : {});
      w = await syncFuzzWorld(t);
    }, 60_000);
    afterAll(async () => {
      await t.stop();
      await db?.drop();
    });

    it(`answers every malformed request without a 5xx or a leak (seed ${SEED})`, async () => {
      const { requests, findings } = await fuzzSyncServer(w, { seed: SEED, runs: RUNS });
      expect(findings.map(describeSyncFinding)).toEqual([]);
      expect(requests).toBe(RUNS);
    }, 120_000);

    it('still answers health and a valid pull afterwards', async () => {
      const health = await t.anonymous().get('/v1/health');
      expect(health.status).toBe(200);
      // A second workstation of the clinic pulls the seeded change; the other clinic sees none.
      const second = await t.enroll(w.clinic.ws);
      const body = { ...versions, sentAt: Date.now(), after: 0 };
      const pull = await second.ws.post('/v1/pull', body);
      expect(pull.status).toBe(200);
      const changes = pull.data.changes as { rowId: string }[];
      expect(changes.map((c) => c.rowId)).toContain(w.seededRowId);
      const foreign = await w.other.ws.post('/v1/pull', body);
      expect(foreign.status).toBe(200);
      expect(JSON.stringify(foreign.data)).not.toContain(w.seededRowId);
    });
  });
}
