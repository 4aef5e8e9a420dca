// The FHIR R4 export of one chart, through dispatch: a Bundle of type
// collection whose resources carry only R4 elements of their type, with FHIR
// ids, every reference resolving inside the bundle, ICD-10 coded conditions,
// LOINC/UCUM vital signs, stopped medications with their reason, notes with
// their text; audited as an export; front desk refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { as, chartClinic, count, DESK, DOCTOR, errorOf, ok } from '../api/chart-app';

let app: CoreApp;
let patientId: string;
let appointmentId: string;
let close: () => void;

type Json = Record<string, unknown>;
interface Bundle {
  resourceType: string;
  id: string;
  type: string;
  timestamp: string;
  entry: { fullUrl: string; resource: Json & { resourceType: string; id: string } }[];
}

/** The top-level R4 elements each exported type may have (a subset of the R4 definitions). */
const R4_ELEMENTS: Record<string, string[]> = {
  Patient: ['identifier', 'active', 'name', 'telecom', 'gender', 'birthDate', 'address'],
  Practitioner: ['identifier', 'active', 'name', 'telecom'],
  Encounter: ['identifier', 'status', 'class', 'type', 'subject', 'participant', 'period'],
  Condition: [
    'clinicalStatus',
    'verificationStatus',
    'category',
    'code',
    'subject',
    'onsetDateTime',
    'abatementDateTime',
    'recordedDate',
    'recorder',
  ],
  AllergyIntolerance: [
    'clinicalStatus',
    'verificationStatus',
    'code',
    'patient',
    'recordedDate',
    'recorder',
    'reaction',
  ],
  MedicationRequest: [
    'status',
    'statusReason',
    'intent',
    'medicationCodeableConcept',
    'subject',
    'authoredOn',
    'requester',
    'dosageInstruction',
    'dispenseRequest',
    'note',
  ],
  Observation: [
    'status',
    'category',
    'code',
    'subject',
    'effectiveDateTime',
    'performer',
    'valueQuantity',
    'component',
    'referenceRange',
  ],
  DocumentReference: [
    'status',
    'docStatus',
    'type',
    'subject',
    'date',
    'author',
    'relatesTo',
    'description',
    'content',
    'context',
  ],
};
/** Required (1..1 or 1..*) elements in R4. */
const R4_REQUIRED: Record<string, string[]> = {
  Encounter: ['status', 'class'],
  Condition: ['subject'],
  AllergyIntolerance: ['patient'],
  MedicationRequest: ['status', 'intent', 'subject', 'medicationCodeableConcept'],
  Observation: ['status', 'code'],
  DocumentReference: ['status', 'content'],
};

/** Every `reference` string anywhere under a value. */
function references(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) references(x, out);
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) {
      if (k === 'reference' && typeof x === 'string') out.push(x);
      else references(x, out);
    }
  return out;
}

let bundle: Bundle;
const of = (type: string) =>
  bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

beforeAll(async () => {
  const c = await chartClinic();
  ({ app, close } = c);
  patientId = c.patient.id;
  appointmentId = c.appointment.id;
  await as(app, DESK);
  await ok(app, 'appointments.setStatus', { id: appointmentId, status: 'checked_in' });
  await as(app, DOCTOR);
  await ok(app, 'appointments.setStatus', { id: appointmentId, status: 'in_progress' });
  const create = (recordType: string, content: unknown) =>
    app.dispatch('records.create', { patientId, recordType, content, sign: true });
  await create('allergy', { substance: 'Penicillin', reaction: 'Hives', severity: 'severe' });
  await create('vitals', {
    systolic: 150,
    diastolic: 95,
    heartRate: 80,
    temperatureC: 37.2,
    spo2: 97,
    weightKg: 82,
    heightCm: 177,
  });
  await create('lab_result', {
    test: 'HbA1c',
    value: 48,
    unit: 'mmol/mol',
    referenceRange: '20-42',
  });
  const problem = await ok(app, 'records.create', {
    patientId,
    recordType: 'diagnosis',
    content: { code: 'E11.9', description: 'Type 2 diabetes mellitus', onset: '2025-03-01' },
    sign: true,
  });
  const urti = await ok(app, 'records.create', {
    patientId,
    recordType: 'diagnosis',
    content: { code: 'J06.9', description: 'Upper respiratory infection' },
    sign: true,
  });
  await ok(app, 'records.resolveProblem', { id: urti.id });
  const rx = await ok(app, 'records.create', {
    patientId,
    recordType: 'prescription',
    content: {
      drug: 'Metformin',
      strength: '500 mg',
      dose: '1 tablet',
      route: 'oral',
      frequency: 'twice daily',
      durationDays: 30,
      repeats: 1,
    },
    sign: true,
  });
  await ok(app, 'records.stopMedication', { id: rx.id, reason: 'Gastrointestinal upset' });
  const note = await ok(app, 'records.create', {
    patientId,
    recordType: 'note',
    content: { appointmentId, subjective: 'Thirsty', plan: 'Check HbA1c' },
    sign: true,
  });
  await ok(app, 'records.amend', {
    id: note.id,
    content: { text: 'Addendum: fasting glucose 8.1' },
  });
  await ok(app, 'appointments.setStatus', { id: appointmentId, status: 'completed' });
  expect(problem.id).toBeTruthy();
  const out = await ok(app, 'chart.fhirExport', { patientId });
  bundle = JSON.parse(out.json) as Bundle;
  expect(out.resources).toBe(bundle.entry.length);
  expect(out.fileName).toBe('chart-fhir-2026-12-02.json');
});
afterAll(() => close());

describe('FHIR R4 export of a chart', () => {
  it('is a collection Bundle whose entries have FHIR ids, unique urn:uuid fullUrls and only R4 elements', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.timestamp).toBe('2026-12-02T15:00:00.000Z');
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const { fullUrl, resource } of bundle.entry) {
      expect(resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(fullUrl).toBe(`urn:uuid:${resource.id}`);
      expect(fullUrl).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      const allowed = R4_ELEMENTS[resource.resourceType];
      expect(allowed, resource.resourceType).toBeDefined();
      for (const key of Object.keys(resource))
        if (key !== 'resourceType' && key !== 'id')
          expect(allowed, `${resource.resourceType}.${key}`).toContain(key);
      for (const key of R4_REQUIRED[resource.resourceType] ?? [])
        expect(resource, `${resource.resourceType}.${key}`).toHaveProperty(key);
    }
    expect(of('Patient')).toHaveLength(1);
    expect(of('Practitioner')).toHaveLength(1);
    expect(of('Encounter')).toEqual([
      expect.objectContaining({
        id: appointmentId,
        status: 'finished',
        class: expect.objectContaining({ code: 'AMB' }),
      }),
    ]);
  });

  it('resolves every reference inside the bundle; subjects point at the patient', () => {
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    const refs = references(bundle.entry.map((e) => e.resource));
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(urls, r).toContain(r);
    for (const r of bundle.entry.map((e) => e.resource))
      if ('subject' in r) expect(r['subject']).toEqual({ reference: `urn:uuid:${patientId}` });
    expect(of('AllergyIntolerance')[0]?.['patient']).toEqual({
      reference: `urn:uuid:${patientId}`,
    });
  });

  it('codes conditions with ICD-10 and keeps the resolved one resolved', () => {
    const conditions = of('Condition');
    expect(conditions).toHaveLength(2);
    const code = (c: Json) =>
      (c['code'] as { coding: { system: string; code: string }[] }).coding[0];
    for (const c of conditions) expect(code(c)?.system).toBe('http://hl7.org/fhir/sid/icd-10');
    const status = (c: Json) =>
      (c['clinicalStatus'] as { coding: { code: string }[] }).coding[0]?.code;
    const byCode = new Map(conditions.map((c) => [code(c)?.code, c]));
    expect(status(byCode.get('E11.9') ?? {})).toBe('active');
    expect(byCode.get('E11.9')?.['onsetDateTime']).toBe('2025-03-01');
    expect(status(byCode.get('J06.9') ?? {})).toBe('resolved');
    expect(byCode.get('J06.9')?.['abatementDateTime']).toBe('2026-12-02');
  });

  it('has vital signs with LOINC codes and UCUM units, blood pressure as a panel, and the lab result', () => {
    const obs = of('Observation');
    const loinc = (o: Json) =>
      (o['code'] as { coding?: { system: string; code: string }[] }).coding?.[0];
    const vitals = obs.filter((o) => JSON.stringify(o['category']).includes('vital-signs'));
    for (const v of vitals) expect(loinc(v)?.system).toBe('http://loinc.org');
    const byLoinc = new Map(vitals.map((v) => [loinc(v)?.code, v]));
    expect([...byLoinc.keys()].sort()).toEqual(
      ['85354-9', '8867-4', '8310-5', '59408-5', '29463-7', '8302-2', '39156-5'].sort(),
    );
    expect(byLoinc.get('8302-2')?.['valueQuantity']).toEqual({
      value: 177,
      unit: 'cm',
      system: 'http://unitsofmeasure.org',
      code: 'cm',
    });
    expect(byLoinc.get('8310-5')?.['valueQuantity']).toMatchObject({ value: 37.2, code: 'Cel' });
    const bp = byLoinc.get('85354-9')?.['component'] as {
      code: { coding: { code: string }[] };
      valueQuantity: { value: number; code: string };
    }[];
    expect(
      bp.map((c) => [c.code.coding[0]?.code, c.valueQuantity.value, c.valueQuantity.code]),
    ).toEqual([
      ['8480-6', 150, 'mm[Hg]'],
      ['8462-4', 95, 'mm[Hg]'],
    ]);
    const lab = obs.find((o) => JSON.stringify(o['category']).includes('laboratory'));
    expect(lab).toMatchObject({
      code: { text: 'HbA1c' },
      valueQuantity: { value: 48, unit: 'mmol/mol' },
    });
  });

  it('has the stopped medication with its reason, the allergy, and the notes with their text', () => {
    expect(of('MedicationRequest')).toEqual([
      expect.objectContaining({
        status: 'stopped',
        statusReason: { text: 'Gastrointestinal upset' },
        intent: 'order',
        medicationCodeableConcept: { text: 'Metformin 500 mg' },
      }),
    ]);
    expect(of('AllergyIntolerance')[0]).toMatchObject({
      code: { text: 'Penicillin' },
      reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'severe' }],
    });
    const docs = of('DocumentReference');
    expect(docs).toHaveLength(2);
    const text = (d: Json) =>
      Buffer.from(
        (d['content'] as { attachment: { data: string } }[])[0]?.attachment.data ?? '',
        'base64',
      ).toString('utf8');
    // Both were written at the same instant (the test clock): tell them apart by relatesTo.
    const addendum = docs.find((d) => 'relatesTo' in d);
    const visit = docs.find((d) => !('relatesTo' in d));
    expect(text(visit ?? {})).toBe('Subjective: Thirsty\nPlan: Check HbA1c');
    expect(visit?.['context']).toEqual({ encounter: [{ reference: `urn:uuid:${appointmentId}` }] });
    expect(text(addendum ?? {})).toBe('Addendum: fasting glucose 8.1');
    expect(addendum?.['relatesTo']).toEqual([
      { code: 'appends', target: { reference: `urn:uuid:${visit?.id ?? ''}` } },
    ]);
  });

  it('is audited as an export; front desk is refused', async () => {
    expect(
      count(
        app,
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'export' AND tableAffected = 'patients' AND recordId = ?",
        patientId,
      ),
    ).toBe(1);
    await as(app, DESK);
    expect((await errorOf(app, 'chart.fhirExport', { patientId })).code).toBe('FORBIDDEN');
    await as(app, DOCTOR);
  });
});
