// Charting through the same dispatch both transports use, per role: the chart
// header, the metadata-only timeline, audited reads, per-type content checks,
// signing (immutable), amendments, and local drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { patientInput } from '../fixtures';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';

const ADMIN = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };
const DOCTOR = { email: 'doc@example.test', password: 'doctor-password-1' };
const DESK = { email: 'desk@example.test', password: 'desk-password-1' };
const clock = Date.parse('2026-12-02T15:00:00.000Z');

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

const errorOf = async (app: CoreApp, channel: string, request: unknown) => {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
};

const as = async (app: CoreApp, who: { email: string; password: string }) => {
  await app.dispatch('session.logout', {});
  await ok(app, 'session.login', who);
};

const count = (app: CoreApp, sql: string) =>
  (writableDb(app.workstation.requireStore()).prepare(sql).get() as { n: number }).n;

const sealedContent = (app: CoreApp, id: string) =>
  (
    writableDb(app.workstation.requireStore())
      .prepare('SELECT encryptedData, encryptionKey, signedAt FROM medical_records WHERE id = ?')
      .get(id) as { encryptedData: string }
  ).encryptedData;

const cleanups: (() => void)[] = [];
async function clinic(name = HARBOUR_CLINIC.clinicName) {
  const t = tempDir();
  const app = await openCoreApp({
    dataDir: t.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
    now: () => clock,
  });
  cleanups.push(() => {
    app.close();
    t.cleanup();
  });
  await ok(app, 'setup.createClinic', { ...HARBOUR_CLINIC, clinicName: name });
  await ok(app, 'doctors.create', {
    displayName: 'Dr Ines Okafor',
    specialty: 'General Practice',
    licenseNumber: 'L-77',
    consultationFee: 100,
    experienceYears: 9,
    ...DOCTOR,
  });
  await ok(app, 'users.create', { displayName: 'Fran Desk', role: 'front_desk', ...DESK });
  await as(app, DESK);
  const patient = await ok(app, 'patients.create', patientInput({ dateOfBirth: '1975-12-03' }));
  await as(app, DOCTOR);
  return { app, patient };
}

describe('charting through dispatch', () => {
  let app: CoreApp;
  let patientId: string;
  beforeAll(async () => {
    ({
      app,
      patient: { id: patientId },
    } = await clinic());
  });
  afterAll(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('a chart with nothing recorded says allergies are not recorded', async () => {
    const s = await ok(app, 'chart.summary', { patientId });
    expect(s).toMatchObject({
      name: 'Zebulon Quixotewright',
      ageYears: 50,
      sex: 'male',
      lastVisitAt: null,
      clinical: { allergyStatus: 'not_recorded', allergies: [], activeProblems: [] },
    });
  });

  it('distinguishes "no known allergies" from recorded allergies, and lists active problems', async () => {
    await ok(app, 'records.create', {
      patientId,
      recordType: 'allergy',
      content: { noKnownAllergies: true },
      sign: true,
    });
    expect((await ok(app, 'chart.summary', { patientId })).clinical?.allergyStatus).toBe(
      'none_known',
    );
    await ok(app, 'records.create', {
      patientId,
      recordType: 'allergy',
      content: { substance: 'Penicillin', reaction: 'Hives', severity: 'severe' },
    });
    await ok(app, 'records.create', {
      patientId,
      recordType: 'diagnosis',
      content: { code: 'i10', description: 'Essential hypertension' },
    });
    await ok(app, 'records.create', {
      patientId,
      recordType: 'diagnosis',
      content: { code: 'J06.9', description: 'URTI', status: 'resolved' },
    });
    const s = await ok(app, 'chart.summary', { patientId });
    expect(s.clinical).toEqual({
      allergyStatus: 'recorded',
      allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }],
      activeProblems: [{ code: 'I10', description: 'Essential hypertension' }],
    });
  });

  it('refuses impossible vitals with a clear message and writes nothing; accepts abnormal ones', async () => {
    const before = count(app, 'SELECT count(*) AS n FROM medical_records');
    const bad = await errorOf(app, 'records.create', {
      patientId,
      recordType: 'vitals',
      content: { systolic: 400, diastolic: 20, spo2: 120 },
    });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.issues).toEqual(
      expect.arrayContaining([
        { path: 'content.systolic', message: 'Systolic pressure must be between 50 and 300 mmHg' },
        { path: 'content.spo2', message: 'SpO2 must be between 50 and 100 %' },
      ]),
    );
    const empty = await errorOf(app, 'records.create', {
      patientId,
      recordType: 'note',
      content: { text: '   ' },
    });
    expect(empty.issues).toContainEqual({
      path: 'content.text',
      message: 'write the note before saving it',
    });
    const noDose = await errorOf(app, 'records.create', {
      patientId,
      recordType: 'prescription',
      content: { drug: 'Ramipril', dose: '', frequency: 'once a day' },
    });
    expect(noDose.issues).toContainEqual({ path: 'content.dose', message: 'give the dose' });
    expect(count(app, 'SELECT count(*) AS n FROM medical_records')).toBe(before);
    const high = await ok(app, 'records.create', {
      patientId,
      recordType: 'vitals',
      content: { systolic: 180, diastolic: 110, heartRate: 88 },
    });
    expect(high).toMatchObject({ recordType: 'vitals', state: 'unsigned' });
  });

  it('lists metadata newest first with a type filter and keyset pages, without decrypting', async () => {
    const reads = () =>
      count(
        app,
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'read' AND tableAffected = 'medical_records'",
      );
    const before = reads();
    const first = await ok(app, 'records.timeline', { patientId, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await ok(app, 'records.timeline', { patientId, limit: 50, after: first.next });
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((e) => e.id)).size).toBe(5);
    const keys = all.map((e) => `${e.recordedAt}|${e.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(second.next).toBeNull();
    expect(JSON.stringify(all)).not.toContain('Penicillin');
    expect(all[0]).toMatchObject({ authorName: 'Dr Ines Okafor' });
    const allergies = await ok(app, 'records.timeline', { patientId, types: ['allergy'] });
    expect(allergies.items.map((e) => e.recordType)).toEqual(['allergy', 'allergy']);
    expect(reads()).toBe(before);
  });

  it('audits each read of content', async () => {
    const [entry] = (await ok(app, 'records.timeline', { patientId, types: ['diagnosis'] })).items;
    const sql = `SELECT count(*) AS n FROM audit_logs WHERE action = 'read' AND recordId = '${entry?.id ?? ''}'`;
    const before = count(app, sql);
    const res = await ok(app, 'records.read', { id: entry?.id ?? '' });
    expect(res.content).toMatchObject({ system: 'ICD-10' });
    expect(count(app, sql)).toBe(before + 1);
  });

  it('signs once; a signed record is immutable and corrected by amendments that keep the original', async () => {
    const note = await ok(app, 'records.create', {
      patientId,
      recordType: 'note',
      content: { subjective: 'Cough for two weeks', plan: 'Review in 2 weeks' },
    });
    const amendDraft = await errorOf(app, 'records.amend', {
      id: note.id,
      content: { text: 'too early' },
    });
    expect(amendDraft.code).toBe('INVALID_TRANSITION');
    const signed = await ok(app, 'records.sign', { id: note.id });
    const sealedBefore = sealedContent(app, note.id);
    expect(signed).toMatchObject({ state: 'signed', signedAt: new Date(clock).toISOString() });
    expect((await errorOf(app, 'records.sign', { id: note.id })).code).toBe('INVALID_TRANSITION');
    const badAmend = await errorOf(app, 'records.amend', { id: note.id, content: { text: '' } });
    expect(badAmend).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'write the note before saving it',
    });
    const a1 = await ok(app, 'records.amend', {
      id: note.id,
      content: { text: 'Addendum: chest clear on re-examination.' },
      sign: true,
    });
    const a2 = await ok(app, 'records.amend', {
      id: note.id,
      content: { text: 'Second addendum.' },
    });
    expect(a1).toMatchObject({ amendsRecordId: note.id, state: 'signed' });
    const original = await ok(app, 'records.read', { id: note.id });
    expect(original.entry.state).toBe('amended');
    // Both at the same instant (a fixed clock), so in no particular order.
    expect([...original.entry.amendmentIds].sort()).toEqual([a1.id, a2.id].sort());
    expect(original.content).toEqual({
      subjective: 'Cough for two weeks',
      plan: 'Review in 2 weeks',
    });
    // Amending never rewrites the signed row: its sealed content is byte-identical.
    expect(sealedContent(app, note.id)).toBe(sealedBefore);
  });

  it('keeps drafts on this workstation, encrypted, one per patient and appointment', async () => {
    const key = { patientId, appointmentId: null };
    expect(await ok(app, 'drafts.load', key)).toBeNull();
    const content = { subjective: 'Headache-marker-4417', objective: '', assessment: '', plan: '' };
    expect(await ok(app, 'drafts.save', { ...key, content })).toEqual({
      savedAt: new Date(clock).toISOString(),
    });
    await ok(app, 'drafts.save', { ...key, content: { ...content, plan: 'Rest' } });
    expect(await ok(app, 'drafts.load', key)).toEqual({
      content: { ...content, plan: 'Rest' },
      savedAt: new Date(clock).toISOString(),
    });
    expect(count(app, 'SELECT count(*) AS n FROM record_drafts')).toBe(1);
    const raw = writableDb(app.workstation.requireStore())
      .prepare('SELECT ciphertext FROM record_drafts')
      .get() as { ciphertext: string };
    expect(raw.ciphertext).not.toContain('Headache');
    expect(count(app, "SELECT count(*) AS n FROM sync_outbox WHERE tbl = 'record_drafts'")).toBe(0);
    expect(await ok(app, 'drafts.discard', key)).toEqual({ discarded: true });
    expect(await ok(app, 'drafts.load', key)).toBeNull();
  });

  it('front desk is refused every clinical channel and sees no content', async () => {
    const [entry] = (await ok(app, 'records.timeline', { patientId })).items;
    await as(app, DESK);
    for (const [channel, req] of [
      ['chart.summary', { patientId }],
      ['records.timeline', { patientId }],
      ['records.read', { id: entry?.id }],
      ['records.create', { patientId, recordType: 'note', content: { text: 'x' } }],
      ['records.sign', { id: entry?.id }],
      ['records.amend', { id: entry?.id, content: { text: 'x' } }],
      ['drafts.load', { patientId, appointmentId: null }],
    ] as const)
      expect((await errorOf(app, channel, req)).code, channel).toBe('FORBIDDEN');
    await as(app, DOCTOR);
  });

  it('an admin sees metadata only: header without clinical lines, timeline, no content', async () => {
    const [entry] = (await ok(app, 'records.timeline', { patientId })).items;
    await as(app, ADMIN);
    const s = await ok(app, 'chart.summary', { patientId });
    expect(s).toMatchObject({ name: 'Zebulon Quixotewright', clinical: null });
    expect((await ok(app, 'records.timeline', { patientId })).items.length).toBeGreaterThan(0);
    expect((await errorOf(app, 'records.read', { id: entry?.id })).code).toBe('FORBIDDEN');
    expect(
      (
        await errorOf(app, 'records.create', {
          patientId,
          recordType: 'note',
          content: { text: 'x' },
        })
      ).code,
    ).toBe('FORBIDDEN');
    await as(app, DOCTOR);
  });

  it("refuses another clinic's ids: reading, signing, amending and charting", async () => {
    const other = await clinic('Other Clinic');
    const foreign = await ok(other.app, 'records.create', {
      patientId: other.patient.id,
      recordType: 'note',
      content: { text: 'Elsewhere' },
      sign: true,
    });
    for (const [channel, req] of [
      ['records.read', { id: foreign.id }],
      ['records.sign', { id: foreign.id }],
      ['records.amend', { id: foreign.id, content: { text: 'x' } }],
      ['chart.summary', { patientId: other.patient.id }],
      ['records.timeline', { patientId: other.patient.id }],
      ['drafts.save', { patientId: other.patient.id, appointmentId: null, content: {} }],
    ] as const)
      expect((await errorOf(app, channel, req)).code, channel).toBe('NOT_FOUND');
  });

  it('warns when a drug matches a recorded allergy; going on needs an acknowledgement, which is audited', async () => {
    const rx = {
      patientId,
      recordType: 'prescription' as const,
      content: { drug: 'Amoxicillin', dose: '500 mg', frequency: 'three times a day' },
    };
    const before = count(app, 'SELECT count(*) AS n FROM medical_records');
    const warning = await errorOf(app, 'records.create', rx);
    expect(warning).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'content.drug', message: 'matches a recorded allergy' }],
    });
    expect(warning.message).not.toContain('Penicillin');
    expect(count(app, 'SELECT count(*) AS n FROM medical_records')).toBe(before);
    const rec = await ok(app, 'records.create', { ...rx, acknowledgeAllergy: true });
    expect(
      count(
        app,
        `SELECT count(*) AS n FROM audit_logs WHERE recordId = '${rec.id}' AND detail = 'allergy warning acknowledged'`,
      ),
    ).toBe(1);
    // No match, no warning.
    await ok(app, 'records.create', { ...rx, content: { ...rx.content, drug: 'Ramipril' } });
  });
});
