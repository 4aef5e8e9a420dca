// Two clinics in one store file (tests/core/two-tenant-world.ts): every
// channel of the contract, for every staff role, shows nothing of the other
// clinic. A channel that names rows is called with the other clinic's real ids
// (→ NOT_FOUND, nothing written anywhere) and with the own clinic's (→ found);
// a channel that lists or searches is called with the other clinic's marker
// strings and the own clinic's, and its answer must carry none of the other
// clinic's ids or strings. The probe table is typed by channel name, so a new
// channel does not compile until it says how it is probed (or why it is not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiChannels,
  channelNames,
  type ApiRequest,
  type ChannelName,
} from '../../../shared/api/channels';
import type { ApiResult } from '../../../shared/api/contract';
import { capabilitiesFor } from '../../../shared/auth/capabilities';
import { Permission, type Role } from '../../../shared/domain/enums';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { weekdayAvailability } from '../fixtures';
import {
  EMAILS,
  leaks,
  PASSWORD,
  tenantSnapshot,
  twoTenantWorld,
  type ClinicIds,
  type StaffRole,
  type TwoTenantWorld,
} from '../two-tenant-world';

type Probe<N extends ChannelName> =
  /**
   * Names rows of a clinic by id. `once`: it uses its target up (checked for
   * the first holder only). `refused`: the code the other clinic's ids get when
   * it is not NOT_FOUND (a form-level check). `for`: the roles that may act on
   * the own row (others holding the capability get FORBIDDEN, e.g. non-members).
   */
  | {
      names: (c: ClinicIds) => ApiRequest<N>;
      once?: true;
      refused?: 'VALIDATION_FAILED';
      for?: StaffRole[];
    }
  /**
   * Lists or searches; `shows` is a string the own clinic's answer must
   * contain for that role; `more` are further requests (other filters, other
   * search paths), each checked for leaks.
   */
  | {
      finds: (c: ClinicIds) => ApiRequest<N>;
      shows?: (c: ClinicIds, r: StaffRole) => string | null;
      more?: (c: ClinicIds) => ApiRequest<N>[];
    }
  | { skip: string };

/** The conversation of each clinic is between its doctor and its front desk. */
const members: StaffRole[] = ['doctor', 'front_desk'];
const range = { fromDate: '2027-01-01', toDate: '2027-01-31' };
/** A billing period holding every invoice and payment of the world (made today). */
const year = (() => {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
})();
const line = (c: ClinicIds) => [
  { description: `Line ${c.markers.invoiceLine}`, quantity: 1, unitPrice: 100 },
];

const probes: { [N in ChannelName]: Probe<N> } = {
  'setup.status': { skip: 'public status of the workstation, covered by the login test' },
  'setup.createClinic': { skip: 'refused once the workstation has a clinic' },
  'setup.createDemo': { skip: 'refused once the workstation has a clinic' },
  'setup.joinClinic': { skip: 'needs a sync server; refused once the workstation has a clinic' },
  'session.login': { skip: 'the login test below' },
  'session.logout': { skip: 'ends the session the sweep runs in' },
  'session.lock': { skip: 'ends the session the sweep runs in' },
  'session.touch': { finds: () => ({}) },
  'session.changePassword': { skip: 'changes the sweep’s own password; names no row' },
  'session.unlock': { skip: 'needs a locked session; the login test covers whose account it is' },
  'sync.status': { finds: () => ({}) },
  'sync.now': { skip: 'needs a sync server: the sync apply tests below cover that path' },
  'sync.connect': { skip: 'needs a sync server' },
  'sync.enrollmentCode': { skip: 'needs a sync server' },
  'sync.cancelEnrollmentCode': { skip: 'needs a sync server' },
  'sync.conflicts': { finds: () => ({}) },
  'patients.search': {
    finds: (c) => ({ query: c.markers.familyName }),
    shows: (c) => c.patientId,
    // Every path of the search: all patients, MRN prefix, phone digits, two names, given name.
    more: (c) => [
      { query: '' },
      { query: c.mrn.slice(0, 6) },
      { query: c.markers.phone },
      { query: `${c.markers.givenName} ${c.markers.familyName}` },
      { query: c.markers.givenName.slice(0, 3) },
      { query: '', offset: 1, limit: 1 },
    ],
  },
  'patients.get': { names: (c) => ({ id: c.patientId }) },
  'patients.create': { skip: 'names no row; a new patient belongs to the session’s clinic' },
  'patients.update': { names: (c) => ({ id: c.patientId, changes: { address: '1 New Road' } }) },
  'doctors.list': { finds: () => ({}), shows: (c) => c.doctorId },
  'doctors.updateAvailability': {
    names: (c) => ({ doctorId: c.doctorId, availability: weekdayAvailability }),
    for: ['admin', 'doctor'],
  },
  'schedule.range': {
    finds: () => range,
    shows: (c) => c.appointmentId,
    more: (c) => [{ ...range, doctorIds: [c.doctorId] }],
  },
  'schedule.freeSlots': { names: (c) => ({ doctorId: c.doctorId, ...range }) },
  'appointments.book': {
    names: (c) => ({
      doctorId: c.doctorId,
      patientId: c.patientId,
      scheduledAt: '2027-01-06T10:00:00.000Z',
      durationMinutes: 15,
    }),
  },
  'appointments.reschedule': {
    names: (c) => ({ id: c.appointmentId, scheduledAt: '2027-01-05T11:00:00.000Z' }),
  },
  'appointments.setStatus': { names: (c) => ({ id: c.appointmentId, status: 'checked_in' }) },
  'appointments.updateNotes': { names: (c) => ({ id: c.appointmentId, notes: 'moved' }) },
  'appointments.cancel': { names: (c) => ({ id: c.appointmentId, reason: 'patient asked' }) },
  'schedule.icalExport': { names: (c) => ({ doctorId: c.doctorId, ...range }) },
  'admin.clinicSettings': { finds: () => ({}) },
  'admin.updateClinicSettings': { finds: () => ({}) },
  'users.list': { finds: () => ({}), shows: (c) => c.deskUserId },
  'users.create': { skip: 'names no row; a new account belongs to the session’s clinic' },
  'users.setActive': { names: (c) => ({ userId: c.spareUserId, active: true }) },
  'users.setRole': { names: (c) => ({ userId: c.spareUserId, role: 'front_desk' }) },
  'users.resetPassword': {
    names: (c) => ({ userId: c.spareUserId, temporaryPassword: 'temporary-pass-1' }),
  },
  'doctors.create': { skip: 'names no row; a new doctor belongs to the session’s clinic' },
  'audit.search': {
    finds: (c) => ({ filter: { patientId: c.patientId } }),
    shows: (c) => c.patientId,
    more: (c) => [
      { filter: {} },
      { filter: { userId: c.deskUserId } },
      { filter: { table: 'patients' } },
    ],
  },
  'audit.chainStatus': { finds: () => ({}) },
  'audit.exportCsv': {
    finds: (c) => ({ filter: { patientId: c.patientId } }),
    shows: (c) => c.patientId,
  },
  'audit.filterOptions': { finds: () => ({}), shows: (c) => c.deskUserId },
  'backups.run': { skip: 'copies the encrypted store file as a whole; names no row' },
  'backups.list': { finds: () => ({}) },
  'chart.summary': { names: (c) => ({ patientId: c.patientId }) },
  'records.timeline': { names: (c) => ({ patientId: c.patientId }) },
  'records.read': { names: (c) => ({ id: c.recordId }) },
  'records.create': {
    names: (c) => ({ patientId: c.patientId, recordType: 'note', content: { text: 'seen' } }),
  },
  'records.sign': { names: (c) => ({ id: c.recordId }) },
  'records.amend': { names: (c) => ({ id: c.recordId, content: { text: 'corrected' } }) },
  'records.delete': { names: (c) => ({ id: c.recordId }), once: true },
  'drafts.save': {
    names: (c) => ({
      patientId: c.patientId,
      appointmentId: c.appointmentId,
      content: { subjective: 'draft' },
    }),
  },
  'drafts.load': { names: (c) => ({ patientId: c.patientId, appointmentId: c.appointmentId }) },
  'drafts.discard': {
    names: (c) => ({ patientId: c.patientId, appointmentId: c.appointmentId }),
  },
  'messages.recipients': {
    finds: () => ({}),
    shows: (c, r) => (r === 'doctor' ? c.deskUserId : c.doctorUserId),
  },
  'messages.inbox': {
    finds: () => ({}),
    shows: (c, r) => (r === 'admin' ? null : c.conversationId),
  },
  'messages.open': { names: (c) => ({ conversationId: c.conversationId }), for: members },
  'messages.start': {
    names: (c) => ({
      to: { kind: 'users', userIds: [c.doctorUserId] },
      body: 'a question',
      patientId: c.patientId,
    }),
    // The recipients and the patient are checked as the form's fields ("not in this clinic").
    refused: 'VALIDATION_FAILED',
  },
  'messages.reply': {
    names: (c) => ({ conversationId: c.conversationId, body: 'noted' }),
    for: members,
  },
  'messages.markRead': { names: (c) => ({ conversationId: c.conversationId }), for: members },
  'messages.markHandled': { names: (c) => ({ conversationId: c.conversationId }), for: members },
  'messages.unread': { finds: () => ({}) },
  'messages.aboutPatient': { names: (c) => ({ patientId: c.patientId }) },
  'messages.search': {
    finds: (c) => ({ query: c.markers.message }),
    shows: (c, r) => (r === 'admin' ? null : c.conversationId),
  },
  'messages.fileToChart': { names: (c) => ({ messageId: c.messageId }) },
  // Each clinic's invoices are not in conflict: the answer must simply leak nothing of the other.
  'billing.conflicts': { finds: () => ({}) },
  'billing.list': {
    finds: () => ({}),
    shows: (c) => c.invoiceId,
    more: (c) => [
      { patientId: c.patientId },
      { doctorId: c.doctorId },
      { from: '2026-01-01', to: '2027-12-31' },
      { method: 'card' },
      { status: 'partially_paid' },
    ],
  },
  'billing.get': { names: (c) => ({ id: c.invoiceId }) },
  'billing.create': { names: (c) => ({ patientId: c.patientId, lines: line(c) }) },
  'billing.createFromAppointment': { names: (c) => ({ appointmentId: c.appointmentId }) },
  'billing.forAppointment': { names: (c) => ({ appointmentId: c.appointmentId }) },
  'billing.updateDraft': { names: (c) => ({ id: c.draftId, lines: line(c) }) },
  'billing.deleteDraft': { names: (c) => ({ id: c.spareDraftId }), once: true },
  'billing.issue': { names: (c) => ({ id: c.draftId }) },
  'billing.void': { names: (c) => ({ id: c.invoiceId, reason: 'wrong patient' }) },
  'billing.pay': { names: (c) => ({ billingId: c.invoiceId, amount: 100, method: 'cash' }) },
  'billing.refund': {
    names: (c) => ({ billingId: c.invoiceId, amount: 100, method: 'cash', reason: 'overpaid' }),
  },
  'billing.keepCredit': { names: (c) => ({ billingId: c.invoiceId, amount: 100 }) },
  'billing.payFromCredit': { names: (c) => ({ billingId: c.invoiceId, amount: 100 }) },
  'billing.undoCreditPayment': { names: (c) => ({ id: c.creditPaymentId }), once: true },
  'billing.priceList': { finds: () => ({}), shows: (c) => c.priceItemId },
  'billing.savePriceItem': {
    names: (c) => ({
      id: c.priceItemId,
      code: c.markers.clinicName.slice(0, 4).toUpperCase(),
      description: 'Consultation',
      price: 100,
      taxRateBp: null,
    }),
  },
  'billing.closePreview': { finds: () => ({}) },
  'billing.closeDay': { skip: 'names no row; the close belongs to the session’s clinic' },
  'billing.closes': { finds: () => ({}) },
  'billing.closeDocument': { names: (c) => ({ id: c.dayCloseId }) },
  'billing.patientBalance': { names: (c) => ({ patientId: c.patientId }) },
  'billing.document': { names: (c) => ({ id: c.invoiceId }) },
  'billing.statement': { names: (c) => ({ patientId: c.patientId }) },
  'backups.status': { finds: () => ({}) },
  'backups.configureAuto': { finds: () => ({ enabled: false }) },
  'backups.download': {
    skip: 'names a backup file of this workstation (the whole encrypted store file), not a row of a clinic; backups.list above shows what may be named',
  },
  'backups.copied': {
    skip: 'names a backup file of this workstation, not a row of a clinic, as backups.download',
  },
  'setup.restoreBackup': { skip: 'refused once the workstation has a clinic' },
  'chart.current': { names: (c) => ({ patientId: c.patientId }) },
  'records.stopMedication': { names: (c) => ({ id: c.medicationId, reason: 'rash' }), once: true },
  'records.resolveProblem': { names: (c) => ({ id: c.problemId }), once: true },
  'messages.archive': { names: (c) => ({ conversationId: c.conversationId }), for: members },
  'messages.unarchive': { names: (c) => ({ conversationId: c.conversationId }), for: members },
  'billing.statementDocument': { names: (c) => ({ patientId: c.patientId }) },
  'documents.prescription': { names: (c) => ({ id: c.prescriptionId }) },
  'documents.visitSummary': { names: (c) => ({ appointmentId: c.appointmentId }) },
  'chart.fhirExport': { names: (c) => ({ patientId: c.patientId }) },
  'billing.report': { finds: () => year, shows: (c) => c.doctorId },
  'billing.reportCsv': {
    finds: () => ({ ...year, table: 'doctor' }),
    shows: (c) => `Dr ${c.markers.familyName}`,
    more: () => (['day', 'method', 'aged'] as const).map((table) => ({ ...year, table })),
  },
  'workstations.list': {
    skip: 'needs a sync server: probed with both clinics in tests/core/sync/two-tenant-sync.test.ts',
  },
  'workstations.rename': {
    skip: 'needs a sync server: probed with both clinics in tests/core/sync/two-tenant-sync.test.ts',
  },
  'workstations.revoke': {
    skip: 'needs a sync server: probed with both clinics in tests/core/sync/two-tenant-sync.test.ts',
  },
  'patients.likelyDuplicates': {
    finds: (c) => ({
      givenName: c.markers.givenName,
      familyName: c.markers.familyName,
      phone: c.markers.phone,
    }),
    // The patient matches its own details (its duplicate is merged away by the admin's sweep).
    shows: (c) => c.patientId,
    more: (c) => [{ familyName: c.markers.familyName, excludeId: c.duplicatePatientId }],
  },
  'patients.duplicatePairs': { finds: () => ({}), shows: (c) => c.duplicatePatientId },
  'patients.merge': {
    names: (c) => ({ survivorId: c.patientId, retiredId: c.duplicatePatientId }),
    once: true,
  },
  'patients.dismissDuplicatePair': {
    names: (c) => ({ aId: c.patientId, bId: c.duplicatePatientId }),
  },
  'patients.undismissDuplicatePair': {
    names: (c) => ({ aId: c.patientId, bId: c.duplicatePatientId }),
  },
  // 'none' leaves the patient as they are, so the sweep's other calls still open them.
  'patients.setSensitivity': {
    names: (c) => ({ patientId: c.patientId, sensitivity: 'none' }),
  },
  'patients.access': { names: (c) => ({ patientId: c.patientId }) },
  'patients.breakGlass': {
    names: (c) => ({ patientId: c.patientId, reason: 'Covering a colleague' }),
  },
  'patients.breakGlassLog': { finds: () => ({}) },
  'codes.search': {
    skip: "searches the workstation's ICD-10 reference list, which holds no clinic data and names no row",
  },
  'attachments.upload': {
    names: (c) => ({
      patientId: c.patientId,
      title: 'Scanned form',
      fileName: 'form.pdf',
      dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1').toString('base64'),
    }),
  },
  'attachments.list': { names: (c) => ({ patientId: c.patientId }) },
  'chart.trends': { names: (c) => ({ patientId: c.patientId }) },
  'attachments.read': { names: (c) => ({ documentId: c.documentId }) },
};

const ROLES: { role: StaffRole; as: Role; permissions: readonly Permission[] }[] = [
  { role: 'admin', as: 'admin', permissions: Permission.options },
  { role: 'doctor', as: 'doctor', permissions: [] },
  { role: 'front_desk', as: 'front_desk', permissions: [] },
];

/** Rows per table in the whole file: a refused call must leave every count as it was. */
function counts(w: TwoTenantWorld): string {
  const db = writableDb(w.app.workstation.requireStore());
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return tables
    .map(({ name }) => {
      const { n } = db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
      return `${name}=${n}`;
    })
    .join(' ');
}

describe('two clinics in one store file', () => {
  let w: TwoTenantWorld;
  const firstHolderDone = new Set<ChannelName>();

  beforeAll(async () => {
    w = await twoTenantWorld();
  });
  afterAll(() => w.close());

  it('the world really holds both clinics, with the other one’s data readable by its key', () => {
    const db = writableDb(w.app.workstation.requireStore());
    for (const t of ['patients', 'appointments', 'medical_records', 'messages', 'billing']) {
      const rows = db
        .prepare(`SELECT tenantId, count(*) AS n FROM "${t}" GROUP BY tenantId ORDER BY tenantId`)
        .all() as { tenantId: string; n: number }[];
      expect(rows.map((r) => r.tenantId).sort(), t).toEqual(
        [w.own.tenantId, w.other.tenantId].sort(),
      );
    }
    expect(w.app.workstation.requireStore().tenantId).toBe(w.own.tenantId);
  });

  it('every channel of the contract has a probe', () => {
    expect(Object.keys(probes).sort()).toEqual([...channelNames].sort());
  });

  it('a login with an email both clinics use opens the own clinic’s account', async () => {
    for (const [role, email] of Object.entries(EMAILS)) {
      const res = await w.app.dispatch('session.login', { email, password: PASSWORD });
      expect(res.ok, role).toBe(true);
      expect(leaks(res, w.foreignNeedles), role).toEqual([]);
      const status = await w.app.dispatch('setup.status', {});
      expect(leaks(status, w.foreignNeedles), role).toEqual([]);
      await w.app.dispatch('session.lock', {});
      const unlock = await w.app.dispatch('session.unlock', { password: PASSWORD });
      expect(unlock.ok, role).toBe(true);
      expect(leaks(unlock, w.foreignNeedles), role).toEqual([]);
      await w.app.dispatch('session.logout', {});
    }
  });

  for (const r of ROLES) {
    it(`a ${r.role} sees nothing of the other clinic on any channel`, async () => {
      await w.login(r.role);
      const held = capabilitiesFor(r.as, r.permissions);
      const problems: string[] = [];
      const call = async (name: ChannelName, req: unknown): Promise<ApiResult<unknown>> => {
        const res = await w.app.dispatch(name, req);
        const leaked = leaks(res, w.foreignNeedles);
        if (leaked.length > 0) problems.push(`${name}: shows the other clinic (${leaked[0]})`);
        return res;
      };
      const code = (res: ApiResult<unknown>) => (res.ok ? 'ok' : res.error.code);
      for (const name of channelNames) {
        const probe: Probe<ChannelName> = probes[name];
        if ('skip' in probe) continue;
        const access = apiChannels[name].access;
        const holds = access === 'session' || access === 'public' || held.includes(access);
        if ('names' in probe) {
          const beforeOther = tenantSnapshot(w.app, w.other.tenantId);
          const beforeCounts = counts(w);
          const foreign = await call(name, probe.names(w.other));
          const refused = probe.refused ?? 'NOT_FOUND';
          if (holds && code(foreign) !== refused)
            problems.push(`${name}: the other clinic's ids gave ${code(foreign)}, not ${refused}`);
          if (!holds && code(foreign) !== 'FORBIDDEN')
            problems.push(`${name}: refused with ${code(foreign)}, not FORBIDDEN`);
          if (tenantSnapshot(w.app, w.other.tenantId) !== beforeOther)
            problems.push(`${name}: changed the other clinic's rows`);
          if (counts(w) !== beforeCounts) problems.push(`${name}: a refused call wrote rows`);
          if (probe.once && firstHolderDone.has(name)) continue;
          const own = await call(name, probe.names(w.own));
          if (holds && probe.for && !probe.for.includes(r.role)) {
            if (code(own) !== 'FORBIDDEN') problems.push(`${name}: a non-member got ${code(own)}`);
          } else if (holds) {
            firstHolderDone.add(name);
            if (['NOT_FOUND', 'FORBIDDEN', 'INTERNAL'].includes(code(own)))
              problems.push(`${name}: the own clinic's ids gave ${code(own)}`);
          }
        } else {
          const foreign = await call(name, probe.finds(w.other));
          const own = await call(name, probe.finds(w.own));
          for (const req of [...(probe.more?.(w.other) ?? []), ...(probe.more?.(w.own) ?? [])]) {
            const res = await call(name, req);
            if (holds && !res.ok)
              problems.push(`${name}: ${JSON.stringify(req)} gave ${code(res)}`);
          }
          if (holds) {
            if (!foreign.ok)
              problems.push(`${name}: a search of the other clinic's data gave ${code(foreign)}`);
            if (!own.ok) problems.push(`${name}: gave ${code(own)} for the own clinic`);
            const shows = probe.shows?.(w.own, r.role) ?? null;
            if (shows !== null && leaks(own, [shows]).length === 0)
              problems.push(
                `${name}: the own clinic's answer lacks its own row (the probe proves nothing)`,
              );
          }
        }
      }
      await w.app.dispatch('session.logout', {});
      expect(problems).toEqual([]);
    });
  }
});
