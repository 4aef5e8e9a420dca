// Sensitive patients ("break the glass") through the real dispatch: who may
// mark a patient, every channel that returns a sensitive patient's details or
// clinical content asks for a reason (REASON_REQUIRED, nothing read or
// audited), the reason is audited sealed and opens the patient for the rest
// of the session only, refused requests change nothing, and admins see the
// accesses with the reason in their list. The patient's account (balance,
// statement and its PDF: name, address and financial history) asks the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest, ChannelName } from '../../../shared/api/channels';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { patientInput } from '../fixtures';
import { ADMIN, as, chartClinic, count, DESK, DOCTOR, errorOf, ok } from './chart-app';

let app: CoreApp;
let close: () => void;
let patientId: string;
let appointmentId: string;
let noteId: string;
let rxId: string;

const REASON = 'Covering for Dr Okafor: results call-back';

beforeAll(async () => {
  const c = await chartClinic();
  ({ app, close } = c);
  patientId = c.patient.id;
  appointmentId = c.appointment.id;
  noteId = (
    await ok(app, 'records.create', {
      patientId,
      recordType: 'note',
      content: { subjective: 'Sensitive-marker-9051', objective: '', assessment: '', plan: '' },
      sign: true,
    })
  ).id;
  rxId = (
    await ok(app, 'records.create', {
      patientId,
      recordType: 'prescription',
      content: { drug: 'Sertraline', strength: '50 mg', dose: '1 tablet', frequency: 'daily' },
      sign: true,
    })
  ).id;
  await ok(app, 'drafts.save', {
    patientId,
    appointmentId: null,
    content: { subjective: 'Draft', objective: '', assessment: '', plan: '' },
  });
  // An issued invoice, so the account has a history to show (the desk bills; doctors see no money).
  await as(app, DESK);
  await ok(app, 'billing.create', {
    patientId,
    lines: [{ description: 'Consultation', quantity: 1, unitPrice: 12_500 }],
    issue: true,
  });
  await as(app, DOCTOR);
});
afterAll(() => close());

const audits = (action: string) =>
  count(app, 'SELECT count(*) AS n FROM audit_logs WHERE action = ?', action);
const flag = () =>
  (
    app.workstation
      .requireStore()
      .read.prepare('SELECT sensitivity FROM patients WHERE id = ?')
      .get(patientId) as { sensitivity: string }
  ).sensitivity;

interface Gated<N extends ChannelName> {
  channel: N;
  request: () => ApiRequest<N>;
}
const gated = <N extends ChannelName>(channel: N, request: () => ApiRequest<N>): Gated<N> => ({
  channel,
  request,
});

/** Every channel that returns this patient's details or clinical content (doctor's session). */
const GATED = [
  gated('patients.get', () => ({ id: patientId })),
  gated('chart.summary', () => ({ patientId })),
  gated('records.timeline', () => ({ patientId })),
  gated('records.read', () => ({ id: noteId })),
  gated('chart.current', () => ({ patientId })),
  gated('drafts.load', () => ({ patientId, appointmentId: null })),
  gated('documents.prescription', () => ({ id: rxId })),
  gated('documents.visitSummary', () => ({ appointmentId })),
  gated('chart.fhirExport', () => ({ patientId })),
  gated('messages.aboutPatient', () => ({ patientId })),
];

/** The patient's account (front desk's session: doctors do not see money). */
const BILLING = [
  gated('billing.patientBalance', () => ({ patientId })),
  gated('billing.statement', () => ({ patientId })),
  gated('billing.statementDocument', () => ({ patientId })),
];

/** Every row the store holds in the tables a read or a refusal could write to. */
const written = () =>
  ['audit_logs', 'sync_outbox', 'record_drafts'].map((t) =>
    count(app, `SELECT count(*) AS n FROM ${t}`),
  );

describe('marking a patient sensitive', () => {
  it('is for admins and doctors; the front desk is refused and nothing changes', async () => {
    await as(app, DESK);
    const refused = await errorOf(app, 'patients.setSensitivity', {
      patientId,
      sensitivity: 'vip',
    });
    expect(refused.code).toBe('FORBIDDEN');
    // Nor through the ordinary edit: the registration form has no such field.
    const edit = await errorOf(app, 'patients.update', {
      id: patientId,
      changes: { sensitivity: 'vip' },
    });
    expect(edit.code).toBe('VALIDATION_FAILED');
    expect(flag()).toBe('none');

    await as(app, ADMIN);
    expect(await ok(app, 'patients.setSensitivity', { patientId, sensitivity: 'staff' })).toEqual({
      patientId,
      sensitivity: 'staff',
    });
    await as(app, DOCTOR);
    const before = audits('update');
    expect(
      await ok(app, 'patients.setSensitivity', { patientId, sensitivity: 'protected' }),
    ).toMatchObject({ sensitivity: 'protected' });
    expect(flag()).toBe('protected');
    // The change is a write of the patient row: audited like every write.
    expect(audits('update')).toBe(before + 1);
    const bad = await errorOf(app, 'patients.setSensitivity', { patientId, sensitivity: 'secret' });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(flag()).toBe('protected');
  });

  it('asks for a reason on every channel with the patient’s details or content, reading nothing', async () => {
    await as(app, DOCTOR); // a new session: the doctor's mark above opened it for that one only
    expect(await ok(app, 'patients.access', { patientId })).toEqual({
      sensitivity: 'protected',
      open: false,
    });
    const reads = audits('read');
    const exports = audits('export');
    for (const g of GATED) {
      const e = await errorOf(app, g.channel, g.request());
      expect({ channel: g.channel, code: e.code }).toEqual({
        channel: g.channel,
        code: 'REASON_REQUIRED',
      });
      expect(e.message).not.toMatch(/Sensitive-marker|Sertraline/);
    }
    expect(audits('read')).toBe(reads);
    expect(audits('export')).toBe(exports);
    // The search still lists the patient by name, without anything clinical.
    const found = await ok(app, 'patients.search', { query: '' });
    expect(found.items.map((p) => p.id)).toContain(patientId);
  });

  it('refuses a reason that is too short, and it opens nothing', async () => {
    const before = audits('break_glass');
    for (const reason of ['', '   ', 'abc', '  ab  ']) {
      const e = await errorOf(app, 'patients.breakGlass', { patientId, reason });
      expect(e.code).toBe('VALIDATION_FAILED');
    }
    expect(audits('break_glass')).toBe(before);
    expect((await errorOf(app, 'patients.get', { id: patientId })).code).toBe('REASON_REQUIRED');
  });

  it('records the reason sealed, then opens the patient for the rest of the session', async () => {
    const before = audits('break_glass');
    expect(await ok(app, 'patients.breakGlass', { patientId, reason: `  ${REASON} ` })).toEqual({
      sensitivity: 'protected',
      open: true,
    });
    expect(audits('break_glass')).toBe(before + 1);
    const entry = app.workstation
      .requireStore()
      .read.prepare(
        "SELECT tableAffected, recordId, detail FROM audit_logs WHERE action = 'break_glass' ORDER BY id DESC LIMIT 1",
      )
      .get() as { tableAffected: string; recordId: string; detail: string };
    expect(entry).toMatchObject({ tableAffected: 'patients', recordId: patientId });
    // Free text someone typed: never in the clear in the audit log (which syncs).
    expect(entry.detail).not.toContain('Okafor');
    expect(entry.detail).toMatch(/^reason v1\./);

    for (const g of GATED) {
      const res = await app.dispatch(g.channel, g.request());
      expect({ channel: g.channel, ok: res.ok }).toEqual({ channel: g.channel, ok: true });
    }
    expect((await ok(app, 'records.read', { id: noteId })).content).toMatchObject({
      subjective: 'Sensitive-marker-9051',
    });
  });

  it('asks again after logging out, and after locking and unlocking', async () => {
    await as(app, DOCTOR);
    expect((await errorOf(app, 'chart.summary', { patientId })).code).toBe('REASON_REQUIRED');
    await ok(app, 'patients.breakGlass', { patientId, reason: REASON });
    await ok(app, 'chart.summary', { patientId });
    await ok(app, 'session.lock', {});
    expect((await errorOf(app, 'chart.summary', { patientId })).code).toBe('LOCKED');
    await ok(app, 'session.unlock', { password: DOCTOR.password });
    expect((await errorOf(app, 'chart.summary', { patientId })).code).toBe('REASON_REQUIRED');
  });

  it('asks the front desk too, for the details and the account; their reason opens both', async () => {
    await as(app, DESK);
    expect((await errorOf(app, 'patients.get', { id: patientId })).code).toBe('REASON_REQUIRED');
    // The check writes no audit entry of its own, and the refused read writes nothing either.
    const before = written();
    for (const g of BILLING) {
      const e = await errorOf(app, g.channel, g.request());
      expect({ channel: g.channel, code: e.code }).toEqual({
        channel: g.channel,
        code: 'REASON_REQUIRED',
      });
      expect(e.message).not.toMatch(/Consultation|125/);
    }
    expect(written()).toEqual(before);
    await ok(app, 'patients.breakGlass', { patientId, reason: 'Patient at the desk to book' });
    expect((await ok(app, 'patients.get', { id: patientId })).sensitivity).toBe('protected');
    for (const g of BILLING) {
      const res = await app.dispatch(g.channel, g.request());
      expect({ channel: g.channel, ok: res.ok }).toEqual({ channel: g.channel, ok: true });
    }
    expect(await ok(app, 'billing.patientBalance', { patientId })).toMatchObject({
      balance: 12_500,
      openInvoices: 1,
    });
    const statement = await ok(app, 'billing.statement', { patientId });
    expect(statement.entries.map((e) => e.kind)).toEqual(['invoice']);
    expect((await ok(app, 'billing.statementDocument', { patientId })).fileName).toMatch(
      /^statement-.*\.pdf$/,
    );
  });

  it('lists every access for admins with who, whom, why, when and where; others are refused', async () => {
    for (const who of [DOCTOR, DESK]) {
      await as(app, who);
      expect((await errorOf(app, 'patients.breakGlassLog', {})).code).toBe('FORBIDDEN');
    }
    await as(app, ADMIN);
    const log = await ok(app, 'patients.breakGlassLog', {});
    expect(log.more).toBe(false);
    expect(log.items.map((e) => [e.userName, e.reason])).toEqual([
      ['Fran Desk', 'Patient at the desk to book'],
      ['Dr Ines Okafor', REASON],
      ['Dr Ines Okafor', REASON],
    ]);
    const [first] = log.items;
    expect(first).toMatchObject({
      patientId,
      medicalRecordNumber: expect.stringMatching(/-0+1$/),
      deviceId: app.workstation.requireStore().deviceId,
    });
    expect(first?.patientName).not.toBe('');
    expect(first?.workstationName).not.toBe('');
    // The audit viewer lists the same entries, pointing here for the (sealed) reason.
    const viewer = await ok(app, 'audit.search', { filter: { action: 'break_glass' } });
    expect(viewer.items.map((e) => [e.userName, e.patientId, e.detail])).toEqual(
      log.items.map((e) => [e.userName, patientId, 'reason in Admin → Sensitive access']),
    );
    const page = await ok(app, 'patients.breakGlassLog', { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.more).toBe(true);
    const rest = await ok(app, 'patients.breakGlassLog', { before: page.items[1]?.id ?? '' });
    expect(rest.items.map((e) => e.id)).toEqual([log.items[2]?.id]);
  });

  it('opens as usual once cleared', async () => {
    await as(app, DOCTOR);
    await ok(app, 'patients.setSensitivity', { patientId, sensitivity: 'none' });
    await as(app, DESK);
    expect((await ok(app, 'patients.get', { id: patientId })).sensitivity).toBe('none');
    // A reason for a patient who is not sensitive is not needed, and is not recorded.
    const before = audits('break_glass');
    await ok(app, 'patients.breakGlass', { patientId, reason: 'just in case' });
    expect(audits('break_glass')).toBe(before);
  });

  it('a merged record’s id asks for the reason of the record it was merged into', async () => {
    await as(app, DESK);
    const dup = await ok(app, 'patients.create', patientInput({ dateOfBirth: '1975-12-03' }));
    await as(app, ADMIN);
    await ok(app, 'patients.setSensitivity', { patientId, sensitivity: 'vip' });
    await ok(app, 'patients.merge', {
      survivorId: patientId,
      retiredId: dup.id,
      takeFromRetired: [],
    });
    await as(app, DESK);
    expect(await ok(app, 'patients.access', { patientId: dup.id })).toEqual({
      sensitivity: 'vip',
      open: false,
    });
    expect((await errorOf(app, 'patients.get', { id: dup.id })).code).toBe('REASON_REQUIRED');
    await ok(app, 'patients.breakGlass', { patientId: dup.id, reason: REASON });
    expect((await ok(app, 'patients.get', { id: dup.id })).id).toBe(patientId);
    expect((await ok(app, 'patients.get', { id: patientId })).sensitivity).toBe('vip');
  });

  it('a merge keeps the retired record’s mark on the record that survives', async () => {
    await as(app, DESK);
    const marked = await ok(app, 'patients.create', patientInput({ familyName: 'Marked' }));
    const plain = await ok(app, 'patients.create', patientInput({ familyName: 'Plain' }));
    await as(app, ADMIN);
    await ok(app, 'patients.setSensitivity', { patientId: marked.id, sensitivity: 'protected' });
    await ok(app, 'patients.merge', {
      survivorId: plain.id,
      retiredId: marked.id,
      takeFromRetired: [],
    });
    await as(app, DESK);
    expect(await ok(app, 'patients.access', { patientId: plain.id })).toEqual({
      sensitivity: 'protected',
      open: false,
    });
  });
});
