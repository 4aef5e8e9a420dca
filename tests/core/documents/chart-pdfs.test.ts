// The prescription and visit summary PDFs, made through dispatch and read back
// as text: the clinic's letterhead, the patient, the prescriber with the
// licence number, the content; audited as exports; refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { as, chartClinic, count, DESK, DOCTOR, errorOf, ok } from '../api/chart-app';
import { pdfText } from './pdf-text';

let app: CoreApp;
let patientId: string;
let appointmentId: string;
let close: () => void;
beforeAll(async () => {
  const c = await chartClinic();
  ({ app, close } = c);
  patientId = c.patient.id;
  appointmentId = c.appointment.id;
});
afterAll(() => close());

const textOf = (doc: { base64: string }) => {
  const pdf = Buffer.from(doc.base64, 'base64');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(pdf);
};
const exports = (table: string, id: string) =>
  count(
    app,
    "SELECT count(*) AS n FROM audit_logs WHERE action = 'export' AND tableAffected = ? AND recordId = ?",
    table,
    id,
  );

describe('prescription PDF', () => {
  it('prints a signed prescription with the clinic, patient, prescriber and licence; audited as an export', async () => {
    const rx = await ok(app, 'records.create', {
      patientId,
      recordType: 'prescription',
      content: {
        drug: 'Amlodipine',
        strength: '5 mg',
        form: 'tablet',
        dose: '1 tablet',
        route: 'oral',
        frequency: 'once daily',
        durationDays: 28,
        quantity: '28 tablets',
        repeats: 2,
        instructions: 'Take in the morning',
      },
      sign: true,
    });
    const doc = await ok(app, 'documents.prescription', { id: rx.id });
    expect(doc.fileName).toMatch(/^prescription-[0-9a-f]{8}\.pdf$/);
    const text = textOf(doc);
    for (const s of [
      'Harbour Clinic',
      '1 Harbour Road, Portsmouth',
      'front@harbour.example',
      'Patient: Zebulon Quixotewright',
      'Date of birth: 1975-12-03',
      'Amlodipine 5 mg',
      'Dose: 1 tablet',
      'Frequency: once daily',
      'Duration: 28 days',
      'Repeats: 2',
      'Instructions: Take in the morning',
      'Name: Dr Ines Okafor',
      'Licence number: L-77',
      'Date: 2026-12-02',
    ])
      expect(text).toContain(s);
    expect(exports('medical_records', rx.id)).toBe(1);
  });

  it('prints the current version after an amendment; refuses unsigned, stopped and non-prescription records', async () => {
    const rx = await ok(app, 'records.create', {
      patientId,
      recordType: 'prescription',
      content: {
        drug: 'Metformin',
        strength: '500 mg',
        dose: '1 tablet',
        frequency: 'twice daily',
      },
      sign: true,
    });
    const amended = await ok(app, 'records.amend', {
      id: rx.id,
      content: {
        drug: 'Metformin',
        strength: '1000 mg',
        dose: '1 tablet',
        frequency: 'twice daily',
      },
      sign: true,
    });
    expect(textOf(await ok(app, 'documents.prescription', { id: rx.id }))).toContain(
      'Metformin 1000 mg',
    );
    expect(exports('medical_records', amended.id)).toBe(1);

    const draft = await ok(app, 'records.create', {
      patientId,
      recordType: 'prescription',
      content: { drug: 'Ibuprofen', dose: '400 mg', frequency: 'as needed' },
    });
    expect((await errorOf(app, 'documents.prescription', { id: draft.id })).message).toBe(
      'Sign the prescription before printing it.',
    );
    await ok(app, 'records.stopMedication', { id: rx.id, reason: 'Renal function' });
    expect((await errorOf(app, 'documents.prescription', { id: rx.id })).message).toBe(
      'This medication was stopped; it cannot be printed.',
    );
    const note = await ok(app, 'records.create', {
      patientId,
      recordType: 'note',
      content: { text: 'Seen' },
    });
    expect((await errorOf(app, 'documents.prescription', { id: note.id })).message).toBe(
      'Only a prescription can be printed.',
    );
    expect(exports('medical_records', draft.id)).toBe(0);
  });
});

describe('visit summary PDF', () => {
  it('has the visit note, vitals, diagnoses and prescriptions of the day; audited as an export', async () => {
    await ok(app, 'records.create', {
      patientId,
      recordType: 'note',
      content: {
        appointmentId,
        subjective: 'Headaches in the morning',
        assessment: 'Hypertension, poorly controlled',
        plan: 'Start amlodipine',
      },
      sign: true,
    });
    await ok(app, 'records.create', {
      patientId,
      recordType: 'vitals',
      content: { systolic: 182, diastolic: 111, heartRate: 78, weightKg: 80, heightCm: 180 },
      sign: true,
    });
    await ok(app, 'records.create', {
      patientId,
      recordType: 'diagnosis',
      content: { code: 'I10', description: 'Essential hypertension' },
      sign: true,
    });
    const doc = await ok(app, 'documents.visitSummary', { appointmentId });
    expect(doc.fileName).toBe('visit-summary-2026-12-02.pdf');
    const text = textOf(doc);
    for (const s of [
      'Harbour Clinic',
      '1 Harbour Road, Portsmouth',
      'Visit summary',
      'Visit: 2026-12-02 14:30',
      'Patient: Zebulon Quixotewright',
      'Doctor: Dr Ines Okafor (licence L-77)',
      'Reason: Blood pressure review',
      'Subjective: Headaches in the morning',
      'Plan: Start amlodipine',
      'BP 182/111 mmHg (abnormal)',
      'BMI 24.7',
      'I10 Essential hypertension',
      'Amlodipine',
      // Stopped the same day: its stop version is the one shown.
      'Metformin · 1000 mg · 1 tablet · twice daily (stopped)',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('500 mg');
    expect(exports('appointments', appointmentId)).toBe(1);
  });

  it('front desk gets neither document', async () => {
    const rx = await ok(app, 'records.timeline', { patientId, types: ['prescription'] });
    await as(app, DESK);
    expect((await errorOf(app, 'documents.visitSummary', { appointmentId })).code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(app, 'documents.prescription', { id: rx.items[0]?.id ?? '' })).code).toBe(
      'FORBIDDEN',
    );
    await as(app, DOCTOR);
  });
});
