import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicFixture } from '../helpers';
import { patientInput } from '../fixtures';

describe('patient search', () => {
  let f: Awaited<ReturnType<typeof clinicFixture>>;
  let mrn = '';
  beforeAll(async () => {
    f = await clinicFixture();
    const people: [string, string, string][] = [
      ['Anna', 'Annable', '020 7946 1111'],
      ['Anders', 'Smith', '020 7946 2222'],
      ['Bob', 'Anderson', '0161 496 3333'],
      ['Carol', 'Baker', '0161 496 4444'],
    ];
    for (const [givenName, familyName, phone] of people) {
      const p = f.services.patients.create(f.admin, patientInput({ givenName, familyName, phone }));
      if (familyName === 'Baker') mrn = p.medicalRecordNumber;
    }
  });
  afterAll(() => f.close());

  const names = (q: string) =>
    f.services.patients
      .search(f.admin, { query: q, offset: 0, limit: 50 })
      .items.map((p) => `${p.givenName} ${p.familyName}`);

  it('matches a prefix of given or family name, any case, each patient once, sorted by family name', () => {
    expect(names('ann')).toEqual(['Anna Annable']);
    expect(names('AND')).toEqual(['Bob Anderson', 'Anders Smith']);
    expect(f.services.patients.search(f.admin, { query: 'an', offset: 0, limit: 50 }).total).toBe(
      3,
    );
  });

  it('matches "given family" and "family given"', () => {
    expect(names('bob and')).toEqual(['Bob Anderson']);
    expect(names('anderson bob')).toEqual(['Bob Anderson']);
    expect(names('bob smith')).toEqual([]);
  });

  it('matches a medical record number prefix and phone digits', () => {
    expect(names(mrn.slice(0, mrn.length - 1))).toContain('Carol Baker');
    expect(names('4964444')).toEqual(['Carol Baker']);
  });

  it('ignores LIKE wildcards typed by the user, and pages with a total', () => {
    expect(names('%')).toHaveLength(4); // the wildcard is dropped: an empty query lists everyone
    expect(names('an%')).toEqual(names('an')); // not "an, then anything" twice over
    const page = f.services.patients.search(f.admin, { query: '', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
  });
});
