// Concurrency (issue 4, section 8): 200 workstations, each its own enrolled
// device with its own client certificate and keep-alive connection, in 10
// clinics of 20, each syncing for a bounded time: push one new patient (17
// encrypted-looking changes and its audit entry), pull until caught up with
// its clinic, then wait 0-2 s (the app checks for changes every 2 s) and go
// again. Latency of every request, p50 and p99, and the error count, on the
// SQLite store and on PostgreSQL. The server runs in its own process; the
// workstations share this one.
// Run: node bin/run-ts.js bench/sync-concurrency.bench.ts (BENCH_SCALE=0.1 for a quick run).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { entityColumns } from '../electron/core/store/row-codec';
import type { AuditLog } from '../shared/domain/audit-log';
import type { Change } from '../shared/sync/protocol';
import { enrollFleet, type FleetMember } from './support/fleet';
import { createTempDatabase } from '../tests/server/helpers/pg';
import { versions } from './support/protocol-client';
import { startChildServer } from './support/server-child';
import { fmt, note, percentile, scaled, verdict } from './support/stats';

const WORKSTATIONS = 200;
const PER_CLINIC = 20;
const DURATION_MS = 30_000;
const THINK_MS = 2_000;
const PULL_LIMIT = 1000;
const COLUMNS = entityColumns('patients').filter((c) => c !== 'id');

interface Figures {
  push: number[];
  pull: number[];
  errors: number;
  rounds: number;
  pulledItems: number;
}

export interface ConcurrencyRun {
  store: 'SQLite' | 'PostgreSQL';
  workstations: number;
  clinics: number;
  seconds: number;
  requests: number;
  pushP50: number;
  pushP99: number;
  pullP50: number;
  pullP99: number;
  allP50: number;
  allP99: number;
  errors: number;
  roundsPerSecond: number;
  pulledPerSecond: number;
}

async function workstationLoop(m: FleetMember, deadline: number, f: Figures): Promise<void> {
  let cursor = 0;
  let pending: { changes: Change[]; audit: AuditLog[] } | null = null;
  await sleep(Math.random() * THINK_MS); // no thundering herd at the start
  while (performance.now() < deadline) {
    // A batch that failed is sent again as it was: the device's audit chain must stay unbroken.
    if (!pending) {
      const row = m.writer.newRow(COLUMNS);
      pending = { changes: row.changes, audit: [row.audit] };
    }
    try {
      const t0 = performance.now();
      const push = await m.client.post('/v1/push', {
        ...versions,
        batchId: randomUUID(),
        sentAt: Date.now(),
        ...pending,
      });
      f.push.push(performance.now() - t0);
      if (push.status === 200) pending = null;
      else f.errors++;
      for (let more = true; more;) {
        const t1 = performance.now();
        const pull = await m.client.post('/v1/pull', {
          ...versions,
          sentAt: Date.now(),
          after: cursor,
          limit: PULL_LIMIT,
        });
        f.pull.push(performance.now() - t1);
        if (pull.status !== 200) {
          f.errors++;
          break;
        }
        cursor = Number(pull.data['nextCursor']);
        f.pulledItems +=
          (pull.data['changes'] as unknown[]).length + (pull.data['audit'] as unknown[]).length;
        more = pull.data['hasMore'] === true;
      }
      f.rounds++;
    } catch {
      f.errors++;
    }
    await sleep(Math.random() * THINK_MS);
  }
}

async function scenario(store: ConcurrencyRun['store'], databaseUrl?: string) {
  const server = await startChildServer(databaseUrl);
  const fleet: FleetMember[] = [];
  try {
    const workstations = scaled(WORKSTATIONS, 10);
    const clinics = Math.ceil(workstations / PER_CLINIC);
    const t0 = performance.now();
    fleet.push(...(await enrollFleet(server, clinics, Math.ceil(workstations / clinics))));
    note(
      `${store}: enrolled ${fleet.length} workstations in ${clinics} clinics in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const f: Figures = { push: [], pull: [], errors: 0, rounds: 0, pulledItems: 0 };
    const durationMs = scaled(DURATION_MS, 5_000);
    const start = performance.now();
    await Promise.all(fleet.map((m) => workstationLoop(m, start + durationMs, f)));
    const seconds = (performance.now() - start) / 1000;
    const all = [...f.push, ...f.pull];
    return {
      store,
      workstations: fleet.length,
      clinics,
      seconds,
      requests: all.length,
      pushP50: percentile(f.push, 50),
      pushP99: percentile(f.push, 99),
      pullP50: percentile(f.pull, 50),
      pullP99: percentile(f.pull, 99),
      allP50: percentile(all, 50),
      allP99: percentile(all, 99),
      errors: f.errors,
      roundsPerSecond: f.rounds / seconds,
      pulledPerSecond: f.pulledItems / seconds,
    };
  } finally {
    for (const m of fleet) m.client.close();
    await server.stop();
  }
}

export async function run(): Promise<ConcurrencyRun[]> {
  const runs: ConcurrencyRun[] = [await scenario('SQLite')];
  const db = await createTempDatabase('ehrbs_bench');
  try {
    runs.push(await scenario('PostgreSQL', db.url));
  } finally {
    await db.drop();
  }
  return runs;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

export function format(runs: ConcurrencyRun[]): string[] {
  return runs.flatMap((r) => [
    `${r.store}: ${r.workstations} concurrent workstations (${r.clinics} clinics), ${r.seconds.toFixed(0)} s, ${fmt(r.requests)} requests, ${fmt(r.roundsPerSecond)} rounds/s, ${fmt(r.pulledPerSecond)} items pulled/s`,
    `  latency p50 ${ms(r.allP50)}, p99 ${ms(r.allP99)} (push p50 ${ms(r.pushP50)}, p99 ${ms(r.pushP99)}; pull page p50 ${ms(r.pullP50)}, p99 ${ms(r.pullP99)}); errors ${r.errors} (target 0) ${verdict(r.errors === 0)}`,
  ]);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  for (const line of format(await run())) console.log(line);
}
