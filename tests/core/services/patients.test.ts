// Registering and editing patients: the date of birth must be a real past date
// in the clinic's time zone (issue: a patient "born" on 2099-01-01 was saved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { patientInput } from '../fixtures';
import { clinicFixture } from '../helpers';

/** 23:30 on 1 December 2026 in London (GMT): tomorrow is 2 December. */
const NOW = Date.parse('2026-12-01T23:30:00.000Z');

describe('dates of birth', () => {
  let f: Awaited<ReturnType<typeof clinicFixture>>;
  beforeAll(async () => {
    f = await clinicFixture({ now: () => NOW });
  });
  afterAll(() => f.close());

  const patients = () =>
    (writableDb(f.store).prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;

  it('refuses a birth date after today or before 1900 with an inline message, writing nothing', () => {
    const before = patients();
    for (const [dateOfBirth, message] of [
      ['2099-01-01', 'cannot be in the future'],
      ['2026-12-02', 'cannot be in the future'],
      ['1899-12-31', 'must be 1900 or later'],
    ] as const) {
      expect(() => f.services.patients.create(f.admin, patientInput({ dateOfBirth }))).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          issues: [{ path: 'dateOfBirth', message }],
        }),
      );
    }
    expect(patients()).toBe(before);
  });

  it("accepts today's date (a newborn) and 1900-01-01", () => {
    expect(
      f.services.patients.create(f.admin, patientInput({ dateOfBirth: '2026-12-01' })).dateOfBirth,
    ).toBe('2026-12-01');
    expect(
      f.services.patients.create(f.admin, patientInput({ dateOfBirth: '1900-01-01' })).dateOfBirth,
    ).toBe('1900-01-01');
  });

  it('refuses an edit that moves the birth date into the future, and keeps the old one', () => {
    const p = f.services.patients.create(f.admin, patientInput());
    expect(() =>
      f.services.patients.update(f.admin, { id: p.id, changes: { dateOfBirth: '2030-05-05' } }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(f.repos.patients.get(f.store.tenantId ?? '', p.id).dateOfBirth).toBe(p.dateOfBirth);
  });
});
