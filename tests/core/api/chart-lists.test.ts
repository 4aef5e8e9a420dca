// Stopping a medication and resolving a problem through dispatch: each is a
// new signed record amending the current version (the original keeps its
// content), the lists and the header follow, both are audited, bad requests
// change nothing, and two concurrent versions merge by the documented rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { as, chartClinic, count, DESK, DOCTOR, errorOf, ok } from './chart-app';

let app: CoreApp;
let patientId: string;
let close: () => void;
beforeAll(async () => {
  const c = await chartClinic();
  ({ app, close } = c);
  patientId = c.patient.id;
});
afterAll(() => close());

const prescribe = (drug: string) =>
  ok(app, 'records.create', {
    patientId,
    recordType: 'prescription',
    content: { drug, strength: '10 mg', dose: '1 tablet', frequency: 'once daily' },
    sign: true,
  });
const diagnose = (code: string, description: string) =>
  ok(app, 'records.create', {
    patientId,
    recordType: 'diagnosis',
    content: { code, description },
    sign: true,
  });
const records = () => count(app, 'SELECT count(*) AS n FROM medical_records');

describe('medication and problem lists', () => {
  it('stops a medication with a reason as a new signed record; the list shows it stopped', async () => {
    const rx = await prescribe('Amlodipine');
    const other = await prescribe('Metformin');
    let lists = await ok(app, 'chart.current', { patientId });
    // Two prescriptions written in the same millisecond are ordered by id, so compare by name.
    const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
    expect([...lists.medications].sort(byLabel).map((m) => [m.label, m.status, m.detail])).toEqual([
      ['Amlodipine', 'active', '10 mg · 1 tablet · once daily'],
      ['Metformin', 'active', '10 mg · 1 tablet · once daily'],
    ]);

    const stop = await ok(app, 'records.stopMedication', {
      id: rx.id,
      reason: 'Ankle swelling',
      stoppedOn: '2026-12-01',
    });
    expect(stop).toMatchObject({
      recordType: 'prescription',
      amendsRecordId: rx.id,
      state: 'signed',
    });
    lists = await ok(app, 'chart.current', { patientId });
    expect([...lists.medications].sort(byLabel)).toEqual([
      expect.objectContaining({
        rootId: rx.id,
        recordId: stop.id,
        label: 'Amlodipine',
        status: 'stopped',
        endedOn: '2026-12-01',
        stopReason: 'Ankle swelling',
        concurrent: false,
      }),
      expect.objectContaining({ rootId: other.id, status: 'active' }),
    ]);
    // The original keeps its content: it was never edited.
    expect((await ok(app, 'records.read', { id: rx.id })).content).not.toHaveProperty('status');
    expect((await ok(app, 'records.read', { id: stop.id })).content).toMatchObject({
      drug: 'Amlodipine',
      status: 'stopped',
      stopReason: 'Ankle swelling',
    });
    // Audited: the write path's create entry for the new version.
    expect(
      count(
        app,
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'create' AND recordId = ?",
        stop.id,
      ),
    ).toBe(1);
  });

  it('refuses a second stop, a stop without a reason, a future date and the wrong type; nothing written', async () => {
    const rx = await prescribe('Ramipril');
    await ok(app, 'records.stopMedication', { id: rx.id, reason: 'Cough' });
    const before = records();
    expect(
      await errorOf(app, 'records.stopMedication', { id: rx.id, reason: 'Again' }),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'This medication is already stopped.',
    });
    const fresh = await prescribe('Lisinopril');
    const after = records();
    expect(
      (await errorOf(app, 'records.stopMedication', { id: fresh.id, reason: '  ' })).issues?.[0]
        ?.message,
    ).toBe('give the reason for stopping');
    expect(
      (
        await errorOf(app, 'records.stopMedication', {
          id: fresh.id,
          reason: 'x',
          stoppedOn: '2027-01-01',
        })
      ).message,
    ).toBe('The date cannot be in the future.');
    const problem = await diagnose('I10', 'Essential hypertension');
    expect(
      (await errorOf(app, 'records.stopMedication', { id: problem.id, reason: 'x' })).message,
    ).toBe('Only a medication can be stopped.');
    expect((await errorOf(app, 'records.resolveProblem', { id: fresh.id })).message).toBe(
      'Only a problem can be resolved.',
    );
    expect(records()).toBe(after + 1 /* the diagnosis */);
    expect(after).toBe(before + 1 /* Lisinopril */);
  });

  it('resolves a problem: the header no longer lists it, the problem list shows it resolved', async () => {
    const asthma = await diagnose('J45.9', 'Asthma');
    expect(
      (await ok(app, 'chart.summary', { patientId })).clinical?.activeProblems.map((p) => p.code),
    ).toContain('J45.9');
    const resolved = await ok(app, 'records.resolveProblem', { id: asthma.id });
    expect(resolved.amendsRecordId).toBe(asthma.id);
    const summary = await ok(app, 'chart.summary', { patientId });
    expect(summary.clinical?.activeProblems.map((p) => p.code)).not.toContain('J45.9');
    const item = (await ok(app, 'chart.current', { patientId })).problems.find(
      (p) => p.rootId === asthma.id,
    );
    expect(item).toMatchObject({ status: 'resolved', endedOn: '2026-12-02', detail: 'J45.9' });
    expect((await errorOf(app, 'records.resolveProblem', { id: asthma.id })).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('two versions written concurrently (as two workstations offline would): the stop wins, both are kept', async () => {
    // Workstation A stops the drug; workstation B, not having seen the stop,
    // amends the same signed prescription. On one store this is the same set
    // of rows a merge of the two produces: two amendments of one version.
    const rx = await prescribe('Atorvastatin');
    const stop = await ok(app, 'records.stopMedication', { id: rx.id, reason: 'Myalgia' });
    const edit = await ok(app, 'records.amend', {
      id: rx.id,
      content: { drug: 'Atorvastatin', strength: '20 mg', dose: '1 tablet', frequency: 'at night' },
      sign: true,
    });
    const item = (await ok(app, 'chart.current', { patientId })).medications.find(
      (m) => m.rootId === rx.id,
    );
    expect(item).toMatchObject({ recordId: stop.id, status: 'stopped', concurrent: true });
    // Both versions stay in the timeline.
    const timeline = await ok(app, 'records.timeline', { patientId, types: ['prescription'] });
    expect(timeline.items.map((e) => e.id)).toEqual(expect.arrayContaining([stop.id, edit.id]));

    // Same for problems: a resolution beats a concurrent correction in the header too.
    const gout = await diagnose('M10.9', 'Gout');
    await ok(app, 'records.resolveProblem', { id: gout.id });
    await ok(app, 'records.amend', {
      id: gout.id,
      content: { code: 'M10.0', description: 'Idiopathic gout' },
      sign: true,
    });
    const codes = (await ok(app, 'chart.summary', { patientId })).clinical?.activeProblems.map(
      (p) => p.code,
    );
    expect(codes).not.toContain('M10.0');
    expect(codes).not.toContain('M10.9');
  });

  it('front desk cannot read the lists or stop anything', async () => {
    const rx = await prescribe('Sertraline');
    await as(app, DESK);
    expect((await errorOf(app, 'chart.current', { patientId })).code).toBe('FORBIDDEN');
    expect((await errorOf(app, 'records.stopMedication', { id: rx.id, reason: 'x' })).code).toBe(
      'FORBIDDEN',
    );
    await as(app, DOCTOR);
  });
});
