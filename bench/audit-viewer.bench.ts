// The audit log viewer on a clinic with 1,000,000 audit entries (issue 12):
// one filtered page (50 entries, newest first) per query, through the real
// AuditService on the real encrypted store. Target: p95 <= 50 ms per page.
// The entries are written straight into audit_logs (their chains are not
// valid, which the viewer does not check), spread over a year, 20 users, 4
// workstations and 100,000 patients.
// Run: node bin/run-ts.js bench/run-all.ts audit   (BENCH_SCALE=0.1 for a quick run)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { AuditFilter } from '../shared/api/audit';
import type { AuditAction } from '../shared/domain/enums';
import { uuidV7 } from '../electron/core/audit/uuid-v7';
import { ClinicStore } from '../electron/core/clinic/clinic-store';
import { writableDb } from '../electron/core/clinic/writable-db';
import { seededPrng } from '../electron/core/demo/prng';
import { PassphraseKeyWrapper } from '../electron/core/keys/passphrase-wrapper';
import { repositories } from '../electron/core/repos/repositories';
import { setUpClinic } from '../electron/core/services/clinic-setup';
import { servicesFor } from '../electron/core/services/services';
import { note, percentile, scaled, verdict } from './support/stats';

const ENTRIES = scaled(1_000_000, 10_000);
const PATIENTS = scaled(100_000, 1_000);
const QUERIES = 100;
const YEAR_MS = 365 * 86_400_000;

export interface AuditBenchResult {
  entries: number;
  seedSeconds: number;
  queries: { name: string; p50Ms: number; p95Ms: number; rows: number }[];
}

export async function run(): Promise<AuditBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-bench-audit-'));
  try {
    const store = await ClinicStore.create(
      dir,
      new PassphraseKeyWrapper('benchmark passphrase', { N: 2 ** 10, r: 8, p: 1 }),
    );
    const repos = repositories(store);
    await setUpClinic(store, repos, {
      clinicName: 'Bench Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      adminName: 'Ada Admin',
      adminEmail: 'admin@example.test',
      adminPassword: 'admin-password-1',
    });
    const services = servicesFor(store, repos);
    const admin = await services.auth.login('admin@example.test', 'admin-password-1');
    const tenantId = admin.actor.tenantId;

    const rnd = seededPrng(12);
    const pick = <T>(xs: readonly T[]): T => rnd.pick(xs);
    const users = Array.from({ length: 20 }, () => randomUUID());
    const devices = Array.from({ length: 4 }, () => randomUUID());
    const patients = Array.from({ length: PATIENTS }, () => randomUUID());
    const tables = ['patients', 'appointments', 'medical_records', 'billing', 'messages', 'users'];
    const seqs = new Map(devices.map((d) => [d, 0]));
    const end = Date.parse('2026-12-01T00:00:00.000Z');

    note(`seeding ${ENTRIES} audit entries`);
    const t0 = performance.now();
    const db = writableDb(store);
    const insert = db.prepare(
      `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp,
         deviceId, deviceSeq, prevHash, hash, detail, pushed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)`,
    );
    const hash = '0'.repeat(64);
    const BATCH = 50_000;
    for (let done = 0; done < ENTRIES; done += BATCH) {
      db.transaction(() => {
        for (let i = done; i < Math.min(ENTRIES, done + BATCH); i++) {
          const ms = end - YEAR_MS + Math.floor((i / ENTRIES) * YEAR_MS);
          const device = pick(devices);
          const seq = (seqs.get(device) ?? 0) + 1;
          seqs.set(device, seq);
          // Mostly reads and updates; exports and logins are rare, as in a clinic.
          const r = rnd.next();
          const action: AuditAction =
            r < 0.55
              ? 'read'
              : r < 0.8
                ? 'update'
                : r < 0.95
                  ? 'create'
                  : r < 0.995
                    ? 'login'
                    : 'export';
          const table = action === 'login' ? 'users' : pick(tables);
          insert.run(
            uuidV7(ms),
            tenantId,
            pick(users),
            action,
            table,
            table === 'patients' ? pick(patients) : randomUUID(),
            new Date(ms).toISOString(),
            device,
            seq,
            hash,
            hash,
            '',
          );
        }
      })();
    }
    const seedSeconds = (performance.now() - t0) / 1000;

    const someday = '2026-06-15';
    const filters: { name: string; filter: () => AuditFilter }[] = [
      { name: 'everything', filter: () => ({}) },
      { name: 'one user', filter: () => ({ userId: pick(users) }) },
      { name: 'one patient', filter: () => ({ patientId: pick(patients) }) },
      { name: 'exports (rare action)', filter: () => ({ action: 'export' }) },
      { name: 'one day', filter: () => ({ fromDate: someday, toDate: someday }) },
      { name: 'nobody (no match)', filter: () => ({ userId: randomUUID() }) },
      {
        name: 'one user, one week',
        filter: () => ({ userId: pick(users), fromDate: '2026-03-02', toDate: '2026-03-08' }),
      },
      {
        name: 'one workstation, table',
        filter: () => ({ deviceId: pick(devices), table: 'billing' }),
      },
    ];
    const queries: AuditBenchResult['queries'] = [];
    for (const { name, filter } of filters) {
      const times: number[] = [];
      let rows = 0;
      for (let q = 0; q < QUERIES; q++) {
        const f = filter();
        const s = performance.now();
        const page = services.audit.search(admin, { filter: f, limit: 50 });
        times.push(performance.now() - s);
        rows += page.items.length;
      }
      queries.push({
        name,
        p50Ms: percentile(times, 50),
        p95Ms: percentile(times, 95),
        rows: rows / QUERIES,
      });
    }
    store.close();
    return { entries: ENTRIES, seedSeconds, queries };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function format(r: AuditBenchResult): string[] {
  return [
    `${r.entries.toLocaleString('en')} entries seeded in ${r.seedSeconds.toFixed(1)} s; one page of 50, ${QUERIES} queries each (target p95 <= 50 ms):`,
    ...r.queries.map(
      (q) =>
        `${q.name.padEnd(24)} p50 ${q.p50Ms.toFixed(1)} ms, p95 ${q.p95Ms.toFixed(1)} ms (${q.rows.toFixed(0)} rows/page) ${verdict(q.p95Ms <= 50)}`,
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of format(await run())) console.log(line);
}
