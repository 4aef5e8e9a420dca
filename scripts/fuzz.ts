// A larger fuzz run than the bounded tests in `npm test` (tests/fuzz/), with
// a configurable count and seed. Same world, generators and oracles.
//
//   node bin/run-ts.js scripts/fuzz.ts [--target host|sync|all] [--count N] [--seed S]
//                                       [--backend sqlite|postgresql|both]
//
// host: N requests per channel and role (default 100, about 31,000 requests);
// sync: N requests per backend (default 20,000). PostgreSQL must listen on
// 127.0.0.1:5432 with trust auth, as for the server tests. Exit code 0 when
// nothing was found, 1 on a finding (each printed with its request), 2 on a
// usage error. The seed is printed first; re-run it to reproduce.
import { parseArgs } from 'node:util';
import { ROLES, describeFinding, fuzzRole, fuzzWorld } from '../tests/fuzz/host-api-fuzz';
import { describeSyncFinding, fuzzSyncServer, syncFuzzWorld } from '../tests/fuzz/sync-server-fuzz';
import { createTempDatabase } from '../tests/server/helpers/pg';
import { startTestServer } from '../tests/server/helpers/server';

const USAGE =
  'usage: fuzz.ts [--target host|sync|all] [--count N] [--seed S] [--backend sqlite|postgresql|both]';

type Target = 'host' | 'sync' | 'all';
type Backend = 'sqlite' | 'postgresql' | 'both';
const isTarget = (v: string): v is Target => v === 'host' || v === 'sync' || v === 'all';
const isBackend = (v: string): v is Backend => v === 'sqlite' || v === 'postgresql' || v === 'both';

function options(): { seed: number; count: number | undefined; target: Target; backend: Backend } {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'all' },
      count: { type: 'string' },
      seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
      backend: { type: 'string', default: 'both' },
    },
  });
  const seed = Number(values.seed);
  const count = values.count === undefined ? undefined : Number(values.count);
  const target = values.target;
  const backend = values.backend;
  if (
    !Number.isInteger(seed) ||
    (count !== undefined && (!Number.isInteger(count) || count < 1)) ||
    !isTarget(target) ||
    !isBackend(backend)
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  return { seed, count, target, backend };
}

async function fuzzHost(seed: number, runs: number): Promise<number> {
  const world = await fuzzWorld();
  let found = 0;
  try {
    for (const [r, role] of ROLES.entries()) {
      const started = Date.now();
      const { requests, handled, findings } = await fuzzRole(world, role, {
        seed: seed + r * 1000,
        runs,
      });
      console.log(
        `host ${role}: ${requests} requests (${handled} reached a handler), ${findings.length} findings, ${Date.now() - started} ms`,
      );
      for (const f of findings) console.log(describeFinding(f));
      found += findings.length;
    }
  } finally {
    world.close();
  }
  return found;
}

async function fuzzSync(
  seed: number,
  runs: number,
  backend: 'sqlite' | 'postgresql',
): Promise<number> {
  const db = backend === 'postgresql' ? await createTempDatabase('ehrbs_fuzz') : undefined;
  const t = await startTestServer(db ? { databaseUrl: db.url } : {});
  try {
    const started = Date.now();
    const w = await syncFuzzWorld(t);
    const { requests, findings } = await fuzzSyncServer(w, { seed, runs });
    const health = await t.anonymous().get('/v1/health');
    console.log(
      `sync ${backend}: ${requests} requests, ${findings.length} findings, health ${health.status}, ${Date.now() - started} ms`,
    );
    for (const f of findings) console.log(describeSyncFinding(f));
    return findings.length + (health.status === 200 ? 0 : 1);
  } finally {
    await t.stop();
    await db?.drop();
  }
}

const { seed, count, target, backend } = options();
console.log(`fuzz seed ${seed}`);
let found = 0;
if (target !== 'sync') found += await fuzzHost(seed, count ?? 100);
if (target !== 'host') {
  const backends = backend === 'both' ? (['sqlite', 'postgresql'] as const) : [backend];
  for (const b of backends) found += await fuzzSync(seed, count ?? 20_000, b);
}
console.log(found === 0 ? 'fuzz: nothing found' : `fuzz: ${found} findings (seed ${seed})`);
process.exit(found === 0 ? 0 : 1);
