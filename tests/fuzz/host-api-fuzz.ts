// The host API fuzzer, shared by the bounded test in `npm test`
// (tests/fuzz/host-api.fuzz.test.ts) and the larger run (scripts/fuzz.ts).
// A clinic with one user of each staff role and patient data carrying marker
// strings, and a second clinic whose ids are thrown at the first; every
// channel, for every role (and logged out), gets seeded malformed requests
// through the real dispatch. A finding is: an INTERNAL error, an error that
// carries a stack trace, a path or a patient marker, a result that is not an
// ApiResult, or a refused request that wrote something.
import fc from 'fast-check';
import type { z } from 'zod';
import { apiChannels, channelNames, type ChannelName } from '../../shared/api/channels';
import type { ApiResult } from '../../shared/api/contract';
import type { CoreApp } from '../../electron/core/app/core-app';
import { writableDb } from '../../electron/core/clinic/writable-db';
import { patientInput } from '../core/fixtures';
import { coreApps, HARBOUR_CLINIC } from '../core/helpers';

const PASSWORD = 'role-password-1';

/** Strings that occur only in the clinic's patient data, never in a generated request. */
export const MARKERS = [
  'Vorqmarkerwright',
  'Zelphinamarker',
  'Marisolmarker',
  'sarcoid-marker-4417',
  'Acme-marker-Health',
  'AH-marker-991',
  '07700 900 417',
] as const;

export interface Finding {
  channel: string;
  role: string;
  problem: string;
  request: unknown;
  result: unknown;
}

type SessionRole = 'logged out' | 'admin' | 'doctor' | 'front_desk';
export const ROLES: readonly SessionRole[] = ['logged out', 'admin', 'doctor', 'front_desk'];

const EMAILS: Record<Exclude<SessionRole, 'logged out'>, string> = {
  admin: HARBOUR_CLINIC.adminEmail,
  doctor: 'fuzz.doctor@example.test',
  front_desk: 'fuzz.desk@example.test',
};

export interface FuzzWorld {
  app: CoreApp;
  /** Ids of this clinic's rows (valid targets) and of another clinic's rows. */
  ownIds: string[];
  foreignIds: string[];
  close(): void;
}

const okValue = <T>(res: ApiResult<unknown>, what: string): T => {
  if (!res.ok) throw new Error(`${what} failed: ${res.error.code} ${res.error.message}`);
  return res.value as T;
};

async function seedClinic(app: CoreApp, admin: typeof HARBOUR_CLINIC) {
  okValue(await app.dispatch('setup.createClinic', admin), 'createClinic');
  const doctor = okValue<{ doctor?: { id: string } | null; id: string }>(
    await app.dispatch('doctors.create', {
      displayName: 'Dr Fuzz',
      email: EMAILS.doctor,
      password: PASSWORD,
      specialty: 'General Practice',
      licenseNumber: 'L-1',
      consultationFee: 100,
      experienceYears: 1,
    }),
    'doctors.create',
  );
  const desk = okValue<{ id: string }>(
    await app.dispatch('users.create', {
      displayName: 'Desk Fuzz',
      email: EMAILS.front_desk,
      password: PASSWORD,
      role: 'front_desk',
      permissions: [],
    }),
    'users.create',
  );
  const patient = okValue<{ id: string }>(
    await app.dispatch(
      'patients.create',
      patientInput({
        givenName: 'Zelphinamarker',
        familyName: 'Vorqmarkerwright',
        phone: '07700 900 417',
        insuranceProvider: 'Acme-marker-Health',
        insurancePolicyNumber: 'AH-marker-991',
        emergencyContact: { name: 'Marisolmarker', phone: '020 7946 0019', relationship: 'x' },
      }),
    ),
    'patients.create',
  );
  const doctors = okValue<{ id: string }[]>(await app.dispatch('doctors.list', {}), 'doctors');
  const doctorId = doctors[0]?.id ?? '';
  const appt = okValue<{ id: string }>(
    await app.dispatch('appointments.book', {
      doctorId,
      patientId: patient.id,
      scheduledAt: '2026-12-07T10:00:00.000Z',
      durationMinutes: 15,
    }),
    'appointments.book',
  );
  okValue(await app.dispatch('session.logout', {}), 'logout');
  okValue(await app.dispatch('session.login', { email: EMAILS.doctor, password: PASSWORD }), 'l');
  const record = okValue<{ id: string }>(
    await app.dispatch('records.create', {
      patientId: patient.id,
      recordType: 'note',
      content: { text: 'Suspected sarcoid-marker-4417, order chest CT.' },
    }),
    'records.create',
  );
  okValue(await app.dispatch('session.logout', {}), 'logout');
  return [doctor.id, doctorId, desk.id, patient.id, appt.id, record.id].filter((x) => x !== '');
}

export async function fuzzWorld(): Promise<FuzzWorld> {
  const apps = coreApps();
  const other = await apps.start();
  const foreignIds = await seedClinic(other, {
    ...HARBOUR_CLINIC,
    clinicName: 'Other Clinic',
  });
  const app = await apps.start();
  const ownIds = await seedClinic(app, HARBOUR_CLINIC);
  return { app, ownIds, foreignIds, close: () => apps.closeAll() };
}

/** The keys a request schema declares (objects, unions of objects, wrappers). */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as Record<string, unknown>);
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap(keysOf))];
    case 'pipe':
      return keysOf(def.in as z.ZodType);
    case 'optional':
    case 'nullable':
    case 'default':
      return keysOf(def.innerType as z.ZodType);
    default:
      return [];
  }
}

const HUGE = 'x'.repeat(300_000);
const weird = fc.constantFrom(
  '',
  ' ',
  HUGE,
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀'.repeat(2_000),
  'Z\u0351\u0364\u036b\u0346a\u0310\u0363lgo',
  "'; DROP TABLE patients;--",
  '%s%n%x',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  'not-a-date',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '2026-12-07T10:00:00.000Z',
  '1975-06-30',
  '00000000-0000-0000-0000-000000000000',
  'note',
  'cash',
  'admin',
  'patient',
  'doctor',
  'issued',
);
const weirdNumber = fc.constantFrom(
  -1,
  -0,
  0,
  1,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0.5,
);

function valueArb(ids: string[]): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    weird,
    fc.integer(),
    fc.integer({ min: -1_000_000, max: -1 }),
    fc.double(),
    weirdNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.uuid(),
    fc.constantFrom(...ids),
    fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d)),
  );
  return fc.oneof(
    { weight: 8, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), scalar, { maxKeys: 4 }) },
  );
}

/**
 * A value that fits the key's name (an id for `…Id`, a date for `…At`, a
 * number for `limit`), so some requests get past validation into the
 * handlers, where the interesting failures are.
 */
function plausibleArb(key: string, ids: string[]): fc.Arbitrary<unknown> {
  if (/id$/i.test(key) || key === 'to') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
  if (/(At|Date|^from|^to|before|after)$/.test(key))
    return fc.oneof(
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.integer({ min: -5, max: 10_000 }),
    );
  if (
    /^(limit|offset|amount|price|tendered|countedCash|taxRateBp|durationMinutes|consultationFee|experienceYears|patients|idleLockMinutes)$/.test(
      key,
    )
  )
    return fc.oneof(fc.integer({ min: -10, max: 1_000 }), fc.integer());
  return fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.boolean(),
    fc.constantFrom('note', 'cash', 'doctor', 'front_desk', 'issued', 'scheduled', 'invoice'),
  );
}

/** Requests for one channel: its own keys with hostile values, extra keys, or anything at all. */
export function requestArb(name: ChannelName, ids: string[]): fc.Arbitrary<unknown> {
  const keys = keysOf(apiChannels[name].request);
  const value = valueArb(ids);
  const keyValue = (k: string) =>
    fc.oneof({ weight: 2, arbitrary: value }, { weight: 3, arbitrary: plausibleArb(k, ids) });
  const shaped = fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((k) => [k, keyValue(k)])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 2 }),
      fc.boolean(),
    )
    .map(([own, extra, withExtra]) => (withExtra ? { ...extra, ...own } : own));
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(null, undefined, 42, 'string', [], {}, HUGE, Number.NaN),
    },
  );
}

/**
 * Row counts a refused request must leave alone: every table, audit without
 * reads and failed logins. A wrong password is recorded by design (the
 * login_failed audit entry and the login_throttle counter), so those are out.
 */
export function footprint(app: CoreApp): string {
  const db = writableDb(app.workstation.requireStore());
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return tables
    .filter((t) => t.name !== 'login_throttle')
    .map((t) => {
      const sql =
        t.name === 'audit_logs'
          ? "SELECT count(*) AS n FROM audit_logs WHERE action NOT IN ('read', 'login_failed')"
          : `SELECT count(*) AS n FROM "${t.name}"`;
      const { n } = db.prepare(sql).get() as { n: number };
      return `${t.name}=${n}`;
    })
    .join(' ');
}

const changedTables = (before: string, after: string): string => {
  const was = new Set(before.split(' '));
  return after
    .split(' ')
    .filter((t) => !was.has(t))
    .join(' ');
};

const STACK =
  /\n\s+at |\bat .+:\d+:\d+|\.(ts|js):\d+|node_modules|\/work\/|\/tmp\/|[A-Z]:\\[A-Za-z]|SQLITE_|Error: /;

/** What is wrong with a dispatch result, if anything. */
export function problemWith(result: unknown, refusedWrote: string | null): string | null {
  if (typeof result !== 'object' || result === null || !('ok' in result)) return 'not an ApiResult';
  const r = result as ApiResult<unknown>;
  if (r.ok) return null;
  if (r.error.code === 'INTERNAL') return 'INTERNAL error';
  // An unknown key is named back to the caller; it is the caller's own text, not a leak.
  const texts = [
    r.error.message,
    ...r.error.issues.flatMap((i) => [i.path, i.message.replace(/^Unrecognized keys?: .*$/s, '')]),
  ];
  if (texts.some((t) => STACK.test(t))) return 'error carries a stack trace or path';
  const lower = texts.join('\n').toLowerCase();
  const marker = MARKERS.find((m) => lower.includes(m.toLowerCase()));
  if (marker) return `error carries patient data (${marker})`;
  if (refusedWrote) return `refused request wrote something (${refusedWrote})`;
  return null;
}

async function become(app: CoreApp, role: SessionRole): Promise<void> {
  await app.dispatch('session.logout', {});
  if (role === 'logged out') return;
  const password = role === 'admin' ? HARBOUR_CLINIC.adminPassword : PASSWORD;
  const res = await app.dispatch('session.login', { email: EMAILS[role], password });
  if (!res.ok) throw new Error(`cannot log in as ${role}: ${res.error.code}`);
}

/** Channels whose success changes the session: log back in after them. */
const SESSION_CHANGING = new Set<string>([
  'session.logout',
  'session.lock',
  'session.login',
  'session.unlock',
  'session.changePassword',
]);

/**
 * Runs `runs` generated requests per channel as `role`; returns every finding
 * (the property stops at the first one per channel, with fast-check's report).
 */
export async function fuzzRole(
  world: FuzzWorld,
  role: SessionRole,
  opts: { seed: number; runs: number; channels?: readonly ChannelName[] },
): Promise<{ requests: number; handled: number; findings: Finding[] }> {
  const { app } = world;
  /** Requests that got past access and validation: a handler ran. */
  let handled = 0;
  const ids = [...world.ownIds, ...world.foreignIds];
  const findings: Finding[] = [];
  let requests = 0;
  await become(app, role);
  const channels = opts.channels ?? channelNames;
  for (const [i, name] of channels.entries()) {
    const check = await fc.check(
      fc.asyncProperty(requestArb(name, ids), async (request) => {
        const before = footprint(app);
        const result = await app.dispatch(name, request);
        requests += 1;
        if (
          result.ok ||
          !['VALIDATION_FAILED', 'UNAUTHENTICATED', 'LOCKED', 'FORBIDDEN', 'NOT_FOUND'].includes(
            result.error.code,
          ) ||
          (result.error.code === 'NOT_FOUND' && result.error.message !== 'Unknown request.')
        )
          handled += 1;
        const after = result.ok ? before : footprint(app);
        const refusedWrote = after === before ? null : changedTables(before, after);
        const problem = problemWith(result, refusedWrote);
        const code = result.ok ? null : result.error.code;
        if (
          SESSION_CHANGING.has(name) ||
          code === 'UNAUTHENTICATED' ||
          code === 'LOCKED' ||
          code === 'PASSWORD_CHANGE_REQUIRED'
        )
          await become(app, role);
        if (problem) {
          findings.push({ channel: name, role, problem, request, result });
          return false;
        }
        return true;
      }),
      { seed: opts.seed + i, numRuns: opts.runs, endOnFailure: true },
    );
    if (check.failed && !findings.some((f) => f.channel === name))
      findings.push({
        channel: name,
        role,
        problem: `property threw: ${String(check.errorInstance)}`,
        request: check.counterexample,
        result: null,
      });
  }
  return { requests, handled, findings };
}

/** A finding, short enough to read: long strings cut. */
export const describeFinding = (f: Finding): string =>
  `${f.role} → ${f.channel}: ${f.problem}\n  request: ${JSON.stringify(
    f.request,
    (_k, v: unknown) =>
      typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
  )}\n  result: ${JSON.stringify(f.result)?.slice(0, 400)}`;
