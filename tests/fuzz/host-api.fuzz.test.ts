// Seeded, bounded fuzzing of the host API through the real dispatch: every
// channel of the contract, for every staff role and logged out, with
// malformed requests (wrong types, extra keys, huge strings, unicode,
// negative numbers, invalid dates, another clinic's ids, missing fields).
// No INTERNAL error, no stack trace or patient data in an error, and no
// write from a refused request. The seed is in the test name; re-run a
// failure with FUZZ_SEED=<seed>. Larger runs: scripts/fuzz.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/api/channels';
import {
  describeFinding,
  footprint,
  fuzzRole,
  fuzzWorld,
  problemWith,
  ROLES,
  type FuzzWorld,
} from './host-api-fuzz';
import { HARBOUR_CLINIC } from '../core/helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Per channel and role: about 81 channels × 4 roles × 8 ≈ 2,600 requests. */
const RUNS = 8;

describe(`host API fuzz (seed ${SEED}, ${RUNS} requests per channel and role)`, () => {
  let world: FuzzWorld;
  beforeAll(async () => {
    world = await fuzzWorld();
  }, 60_000);
  afterAll(() => world.close());

  it('the oracle flags what it must', () => {
    const internal = { ok: false, error: { code: 'INTERNAL', message: 'x', issues: [] } };
    expect(problemWith(internal, null)).toBe('INTERNAL error');
    const stack = {
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Error: x\n    at f (/work/a.ts:1:2)', issues: [] },
    };
    expect(problemWith(stack, null)).toBe('error carries a stack trace or path');
    const leak = {
      ok: false,
      error: { code: 'CONFLICT', message: 'Patient Vorqmarkerwright exists', issues: [] },
    };
    expect(problemWith(leak, null)).toContain('patient data');
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: 'No.', issues: [] } };
    expect(problemWith(refused, 'patients=2')).toBe('refused request wrote something (patients=2)');
    expect(problemWith(refused, null)).toBeNull();
    expect(problemWith(undefined, null)).toBe('not an ApiResult');
    // Seed 99 of scripts/fuzz.ts: an unknown key named back to the caller is not a path.
    const echoed = {
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Some fields are missing or invalid.',
        issues: [{ path: '', message: 'Unrecognized key: "@?_kQb:\\+"' }],
      },
    };
    expect(problemWith(echoed, null)).toBeNull();
  });

  it('the footprint sees a write', async () => {
    const before = footprint(world.app);
    const res = await world.app.dispatch('session.login', {
      email: HARBOUR_CLINIC.adminEmail,
      password: HARBOUR_CLINIC.adminPassword,
    });
    expect(res.ok).toBe(true);
    expect(footprint(world.app)).not.toBe(before);
    await world.app.dispatch('session.logout', {});
  });

  for (const [r, role] of ROLES.entries()) {
    it(`${role}: every channel survives malformed requests (seed ${SEED + r * 1000})`, async () => {
      const { requests, handled, findings } = await fuzzRole(world, role, {
        seed: SEED + r * 1000,
        runs: RUNS,
      });
      expect(findings.map(describeFinding)).toEqual([]);
      expect(requests).toBeGreaterThanOrEqual(channelNames.length * RUNS);
      // Not only validation is exercised: a share of the requests reach a handler.
      expect(handled).toBeGreaterThan(role === 'logged out' ? 5 : channelNames.length / 2);
    }, 60_000);
  }
});
