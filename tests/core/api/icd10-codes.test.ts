// The ICD-10 code list through dispatch: the starter list is there from the
// start, the official order file (a fixture in its exact fixed-width format)
// loads on top, search finds codes by code prefix and by description words,
// and a diagnosis with a code that is not in the list is refused, with nothing
// written. Front desk cannot search (the problem form is a doctor's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { parseOrderFile } from '../../../electron/core/store/icd10-codes';
import { as, chartClinic, count, DESK, DOCTOR, errorOf, ok } from './chart-app';

const FIXTURE = join(import.meta.dirname, '../../fixtures/icd10cm/icd10cm-order-sample.txt');

let app: CoreApp;
let patientId: string;
let close: () => void;
beforeAll(async () => {
  const c = await chartClinic();
  ({ app, close } = c);
  patientId = c.patient.id;
});
afterAll(() => close());

const codes = async (query: string) =>
  (await ok(app, 'codes.search', { query })).items.map((c) => c.code);
const diagnose = (code: string) =>
  app.dispatch('records.create', {
    patientId,
    recordType: 'diagnosis',
    content: { code, description: 'Problem' },
  });
const records = () => count(app, 'SELECT count(*) AS n FROM medical_records');

describe('ICD-10 code list', () => {
  it('searches the starter list by code prefix and by description words', async () => {
    expect(await codes('I1')).toEqual(['I10']);
    expect(await codes('back pa')).toEqual(['M54.5']);
    expect(await codes('asth')).toEqual(['J45.9']);
    expect(await codes('   ')).toEqual([]);
  });

  it('refuses a diagnosis whose code is well formed but unknown, and writes nothing', async () => {
    const before = records();
    const e = await errorOf(app, 'records.create', {
      patientId,
      recordType: 'diagnosis',
      content: { code: 'Z99.99', description: 'Dependence on enabling machines' },
    });
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/not in the code list/);
    expect(e.issues).toEqual([{ path: 'content.code', message: 'not a known ICD-10 code' }]);
    expect(records()).toBe(before);
    expect((await diagnose('I10')).ok).toBe(true);
  });

  it('refuses an amendment to an unknown code', async () => {
    const first = await ok(app, 'records.create', {
      patientId,
      recordType: 'diagnosis',
      content: { code: 'J45.9', description: 'Asthma' },
      sign: true,
    });
    const e = await errorOf(app, 'records.amend', {
      id: first.id,
      content: { code: 'J45.99', description: 'Asthma' },
    });
    expect(e.issues).toEqual([{ path: 'content.code', message: 'not a known ICD-10 code' }]);
  });

  it('loads the official order file: dotted codes, headers flagged, descriptions searchable', async () => {
    const parsed = parseOrderFile(readFileSync(FIXTURE, 'utf8'));
    expect(parsed).toHaveLength(14);
    expect(parsed[0]).toEqual({ code: 'A00', description: 'Cholera', billable: false });
    expect(parsed.find((c) => c.code === 'S72.001A')?.description).toBe(
      'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
    );
    app.workstation.requireStore().codes.importCodes(parsed, 'icd10cm');

    expect(await codes('E11')).toEqual(['E11', 'E11.65', 'E11.9']);
    expect(await codes('e11.6')).toEqual(['E11.65']);
    expect(await codes('femur fract')).toEqual(['S72.001A']);
    expect(await codes('cholera elt')).toEqual(['A00.1']);
    const [hit] = (await ok(app, 'codes.search', { query: 'A00' })).items;
    expect(hit).toEqual({ code: 'A00', description: 'Cholera', billable: false });
    // A code from the import is now accepted; one in neither list still is not.
    expect((await diagnose('E11.65')).ok).toBe(true);
    expect((await diagnose('E11.66')).ok).toBe(false);
  });

  it('is for doctors: front desk is refused', async () => {
    await as(app, DESK);
    expect((await errorOf(app, 'codes.search', { query: 'I1' })).code).toBe('FORBIDDEN');
    await as(app, DOCTOR);
  });
});
