// The sync server fuzzer, shared by the bounded test in `npm test`
// (tests/fuzz/sync-server.fuzz.test.ts) and the larger run (scripts/fuzz.ts).
// Seeded malformed requests over real HTTPS across every route, from no
// certificate, a valid workstation certificate, and another clinic's
// certificate, with and without admin tokens. A finding is: a 5xx, a
// connection the server dropped, an error body that is not the one error
// shape or carries a stack trace or a path.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { errorCodes } from '../../shared/errors';
import { enrollmentProof } from '../../electron/core/sync/enrollment-proof';
import { versions, type Reply, type Workstation } from '../server/helpers/client';
import { FakeDevice } from '../server/helpers/fixtures';
import type { TestServer } from '../server/helpers/server';

export interface SyncFinding {
  route: string;
  client: string;
  problem: string;
  body: unknown;
  reply: unknown;
}

interface Clinic {
  tenantId: string;
  deviceId: string;
  ws: Workstation;
  dev: FakeDevice;
}

export interface SyncFuzzWorld {
  t: TestServer;
  clinic: Clinic;
  other: Clinic;
  enrollment: { enrollmentId: string; token: string; secretProof: string };
  /** The row the clinic pushed before fuzzing. */
  seededRowId: string;
}

export async function syncFuzzWorld(t: TestServer): Promise<SyncFuzzWorld> {
  const a = await t.registerClinic();
  const b = await t.registerClinic();
  const clinic = { ...a, dev: new FakeDevice(a.tenantId, a.deviceId) };
  const other = { ...b, dev: new FakeDevice(b.tenantId, b.deviceId) };
  // Real data on the server so reads have something to (not) leak.
  const seededRowId = randomUUID();
  const seeded = await clinic.ws.post('/v1/push', {
    ...versions,
    batchId: randomUUID(),
    sentAt: Date.now(),
    changes: [clinic.dev.change('patients', seededRowId, 'givenName', 'Zelphinamarker')],
    audit: [clinic.dev.audit()],
  });
  if (seeded.status !== 200) throw new Error(`seed push failed: ${seeded.status}`);
  // The code's secret never reaches the server; its proof does (defect 6 of issue 14).
  const secretProof = enrollmentProof(randomBytes(32));
  const code = await clinic.ws.post('/v1/enrollments', {
    ...versions,
    wrappedClinicKey: 'wrapped',
    secretProof,
  });
  if (code.status !== 201 && code.status !== 200)
    throw new Error(`enrollment code failed: ${code.status}`);
  return {
    t,
    clinic,
    other,
    enrollment: {
      enrollmentId: String(code.data.enrollmentId),
      token: String(code.data.token),
      secretProof,
    },
    seededRowId,
  };
}

const ROUTES = [
  'POST /v1/push',
  'POST /v1/pull',
  'POST /v1/head',
  'POST /v1/audit',
  'POST /v1/snapshot',
  'POST /v1/clinics',
  'POST /v1/enrollments',
  'POST /v1/enrollments/cancel',
  'POST /v1/enroll',
  'POST /v1/devices/list',
  'POST /v1/devices/rename',
  'POST /v1/devices/revoke',
  'GET /v1/health',
  'GET /v1/ca',
  'GET /v1/metrics',
  'GET /v1/push',
  'POST /v1/health',
  'POST /v1/nowhere',
] as const;
type Route = (typeof ROUTES)[number];

/** A well-formed body for each route, the starting point of every mutation. */
function baseBody(route: Route, w: SyncFuzzWorld): Record<string, unknown> {
  const dev = w.clinic.dev;
  switch (route) {
    case 'POST /v1/push':
      return {
        ...versions,
        batchId: randomUUID(),
        sentAt: Date.now(),
        changes: [dev.change('patients', randomUUID(), 'familyName', 'x')],
        audit: [dev.audit()],
      };
    case 'POST /v1/pull':
      return { ...versions, sentAt: Date.now(), after: 0, limit: 10 };
    case 'POST /v1/head':
      return { ...versions };
    case 'POST /v1/audit':
      return { ...versions, after: 0, upTo: 100, limit: 10 };
    case 'POST /v1/snapshot':
      return {
        ...versions,
        limit: 10,
        cursor: 1,
        after: { table: 'patients', rowId: randomUUID(), column: 'givenName' },
      };
    case 'POST /v1/clinics':
      return {
        ...versions,
        tenantId: randomUUID(),
        clinicName: 'Fuzz Clinic',
        deviceId: randomUUID(),
        deviceName: 'Desk',
        csr: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
      };
    case 'POST /v1/enrollments':
      return {
        ...versions,
        wrappedClinicKey: 'wrapped',
        secretProof: enrollmentProof(randomBytes(32)),
        expiresInSeconds: 600,
      };
    case 'POST /v1/enrollments/cancel':
      return { ...versions, enrollmentId: w.enrollment.enrollmentId };
    case 'POST /v1/enroll':
      return {
        ...versions,
        ...w.enrollment,
        deviceId: randomUUID(),
        deviceName: 'Room',
        csr: 'not a csr',
      };
    case 'POST /v1/devices/list':
      return { ...versions };
    // Unknown ids: the seeded second workstation must still pull afterwards, so it is never revoked.
    case 'POST /v1/devices/rename':
      return { ...versions, deviceId: randomUUID(), name: 'Renamed' };
    case 'POST /v1/devices/revoke':
      return { ...versions, deviceId: randomUUID() };
    case 'GET /v1/health':
    case 'GET /v1/ca':
    case 'GET /v1/metrics':
    case 'GET /v1/push':
    case 'POST /v1/health':
    case 'POST /v1/nowhere':
      return {};
  }
}

const HUGE = 'x'.repeat(300_000);
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    HUGE,
    '\u0000',
    '😀'.repeat(1000),
    "'; DROP TABLE changes;--",
    '__proto__',
    '2026-02-30T00:00:00Z',
    '00000000-0000-0000-0000-000000000000',
    'patients',
    'audit_logs',
  ),
  fc.integer(),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 0.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

type Mutation =
  | { kind: 'valid' }
  | { kind: 'drop'; pick: number }
  | { kind: 'replace'; picks: [number, unknown][] }
  | { kind: 'nested'; pick: number; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'anything'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      picks: fc.array(fc.tuple(fc.nat(), nasty), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('nested' as const), pick: fc.nat(), value: nasty }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: fc.string({ maxLength: 12 }),
      value: nasty,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('anything' as const),
      value: fc.anything({ maxDepth: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      text: fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('{"a":', '[]', 'null', '"x"', '{"protocolVersion":1e999}', '\u0000', HUGE),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/octet-stream',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=x',
      ),
    }),
  },
);

function mutate(base: Record<string, unknown>, m: Mutation): unknown {
  const keys = Object.keys(base);
  const at = (n: number) => keys[n % Math.max(1, keys.length)] ?? 'x';
  switch (m.kind) {
    case 'valid':
      return base;
    case 'drop': {
      const { [at(m.pick)]: _dropped, ...rest } = base;
      return rest;
    }
    case 'replace':
      return { ...base, ...Object.fromEntries(m.picks.map(([n, v]) => [at(n), v])) };
    case 'nested': {
      // Inside the first array element or object (a change, an audit entry, a cell key).
      const inner = Object.entries(base).find(([, v]) => typeof v === 'object' && v !== null);
      if (!inner) return { ...base, [at(m.pick)]: m.value };
      const [k, v] = inner;
      const target = (Array.isArray(v) ? v[0] : v) as Record<string, unknown> | undefined;
      const innerKeys = Object.keys(target ?? { x: 1 });
      const changed = { ...target, [innerKeys[m.pick % innerKeys.length] ?? 'x']: m.value };
      return { ...base, [k]: Array.isArray(v) ? [changed, ...v.slice(1)] : changed };
    }
    case 'extra':
      return { ...base, [m.key]: m.value };
    case 'anything':
      return m.value;
    case 'raw':
      return m.text;
  }
}

const STACK =
  /\n\s+at |\bat .+:\d+:\d+|\.(ts|js):\d+|node_modules|\/work\/|\/tmp\/|SQLITE_|Error: /;

/** What is wrong with a reply, if anything. */
export function replyProblem(reply: Reply): string | null {
  if (reply.status >= 500) return `status ${reply.status}`;
  if (reply.status < 400) return null;
  const body = reply.data as unknown;
  if (typeof body !== 'object' || body === null) return 'error body is not JSON';
  const { code, message, issues } = body as { code?: unknown; message?: unknown; issues?: unknown };
  if (typeof code !== 'string' || !(errorCodes as readonly string[]).includes(code))
    return `error body without a known code: ${JSON.stringify(body).slice(0, 200)}`;
  const texts = [
    String(message),
    ...(Array.isArray(issues) ? issues.map((i) => JSON.stringify(i)) : []),
  ];
  if (texts.some((t) => STACK.test(t))) return 'error carries a stack trace or path';
  if (texts.some((t) => t.includes('Zelphinamarker'))) return 'error carries stored data';
  return null;
}

type ClientName = 'none' | 'clinic' | 'other clinic';

/** Runs `runs` seeded requests; returns the findings and how many requests were sent. */
export async function fuzzSyncServer(
  w: SyncFuzzWorld,
  opts: { seed: number; runs: number },
): Promise<{ requests: number; findings: SyncFinding[] }> {
  const findings: SyncFinding[] = [];
  let requests = 0;
  const clients: Record<ClientName, Workstation> = {
    none: w.t.anonymous(),
    clinic: w.clinic.ws,
    'other clinic': w.other.ws,
  };
  const auth = fc.option(
    fc.oneof(
      fc.constant(`Bearer ${w.t.adminToken}`),
      fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
      fc.constantFrom('Basic Zm9vOmJhcg==', 'Bearer', `bearer ${w.t.adminToken}x`),
    ),
    { nil: undefined },
  );
  const arb = fc.record({
    route: fc.constantFrom(...ROUTES),
    client: fc.constantFrom<ClientName>('none', 'clinic', 'other clinic'),
    auth,
    mutation: mutationArb,
  });
  const check = await fc.check(
    fc.asyncProperty(arb, async ({ route, client, auth: authorization, mutation }) => {
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      const body = mutate(baseBody(route, w), mutation);
      const headers: Record<string, string> = {};
      if (authorization !== undefined) headers.authorization = authorization;
      // Sent as text, so any value (a bare number, undefined) goes on the wire as the fuzzer made it.
      headers['content-type'] = mutation.kind === 'raw' ? mutation.contentType : 'application/json';
      const text =
        typeof body === 'string' && mutation.kind === 'raw' ? body : JSON.stringify(body);
      let reply: Reply;
      try {
        reply =
          method === 'GET'
            ? await clients[client].get(path, headers)
            : await clients[client].post(path, text ?? '', headers);
      } catch (e) {
        const problem = `no reply: ${e instanceof Error ? e.message : String(e)}`;
        findings.push({ route, client, problem, body, reply: null });
        return false;
      } finally {
        requests += 1;
      }
      const problem = replyProblem(reply);
      if (problem) {
        findings.push({ route, client, problem, body, reply: reply.data });
        return false;
      }
      return true;
    }),
    { seed: opts.seed, numRuns: opts.runs, endOnFailure: true },
  );
  if (check.failed && findings.length === 0)
    findings.push({
      route: '?',
      client: '?',
      problem: `property threw: ${String(check.errorInstance)}`,
      body: check.counterexample,
      reply: null,
    });
  return { requests, findings };
}

export const describeSyncFinding = (f: SyncFinding): string =>
  `${f.client} → ${f.route}: ${f.problem}\n  body: ${JSON.stringify(f.body, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
  )?.slice(0, 600)}\n  reply: ${JSON.stringify(f.reply)?.slice(0, 400)}`;
