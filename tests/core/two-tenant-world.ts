// Two clinics in ONE store file: the workstation's own clinic ("Harbour") and
// a second clinic ("Other") with real data of every kind, built through the
// real dispatch in a store of its own and then copied row for row, with its
// audit chain and its clinic key, into the first store's file. The other
// clinic's key is kept (as the oldest key) so its clinical content would
// decrypt if a query ever let it through: a leak shows up as plaintext
// markers, not as a decryption error. Staff of both clinics share the same
// email addresses, so a login that ignored the tenant would pick the wrong one.
import type { ApiResult } from '../../shared/api/contract';
import { entityTables } from '../../shared/domain/entities';
import { openCoreApp, type CoreApp } from '../../electron/core/app/core-app';
import { writableDb } from '../../electron/core/clinic/writable-db';
import { patientInput } from './fixtures';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from './helpers';

export const PASSWORD = 'role-password-1';
export const EMAILS = {
  admin: HARBOUR_CLINIC.adminEmail,
  doctor: 'doc@example.test',
  front_desk: 'desk@example.test',
} as const;
export type StaffRole = keyof typeof EMAILS;

/** Strings that occur only in one clinic's data. */
export interface ClinicMarkers {
  clinicName: string;
  givenName: string;
  familyName: string;
  phone: string;
  record: string;
  message: string;
  invoiceLine: string;
}

export const OWN_MARKERS: ClinicMarkers = {
  clinicName: 'Harbour Clinic',
  givenName: 'Zebulon',
  familyName: 'Quixotewright',
  phone: '020 7946 0018',
  record: 'sarcoidosis-own-7731',
  message: 'lupus-own-5521',
  invoiceLine: 'Dressing own-4410',
};

export const OTHER_MARKERS: ClinicMarkers = {
  clinicName: 'Otherside Clinic',
  givenName: 'Yolandeother',
  familyName: 'Vorqforeignwright',
  phone: '07700 900 999',
  record: 'porphyria-foreign-9917',
  message: 'brucellosis-foreign-8826',
  invoiceLine: 'Cast foreign-3301',
};

/** The ids of one clinic's rows that channels name. */
export interface ClinicIds {
  tenantId: string;
  adminUserId: string;
  doctorUserId: string;
  doctorId: string;
  deskUserId: string;
  patientId: string;
  mrn: string;
  appointmentId: string;
  recordId: string;
  conversationId: string;
  messageId: string;
  invoiceId: string;
  /** Part of the invoice paid from the patient's credit (kept change of a small invoice). */
  creditPaymentId: string;
  draftId: string;
  /** A second draft, for the channel that deletes one. */
  spareDraftId: string;
  /** A front-desk account the account channels may change without locking anyone out. */
  spareUserId: string;
  priceItemId: string;
  /** A prescription for the channel that stops one, and another to print. */
  medicationId: string;
  prescriptionId: string;
  /** A problem (diagnosis) for the channel that resolves one. */
  problemId: string;
  /** A second registration of the patient (same name, birth date and phone): a likely duplicate. */
  duplicatePatientId: string;
  /** A document attached to the patient's chart. */
  documentId: string;
  /** The front desk's sealed daily close. */
  dayCloseId: string;
  /** The workstation this clinic was made on (its devices row). */
  deviceId: string;
  markers: ClinicMarkers;
}

const ok = <T>(res: ApiResult<unknown>, what: string): T => {
  if (!res.ok) throw new Error(`${what} failed: ${res.error.code} ${res.error.message}`);
  return res.value as T;
};

async function as(app: CoreApp, role: StaffRole): Promise<void> {
  await app.dispatch('session.logout', {});
  ok(await app.dispatch('session.login', { email: EMAILS[role], password: PASSWORD }), role);
}

/** One clinic with staff of every role and one of every kind of clinical and billing row. */
async function seedClinic(app: CoreApp, m: ClinicMarkers): Promise<ClinicIds> {
  const d = app.dispatch;
  ok(
    await d('setup.createClinic', {
      ...HARBOUR_CLINIC,
      clinicName: m.clinicName,
      adminPassword: PASSWORD,
    }),
    'createClinic',
  );
  const doctorUser = ok<{ id: string; doctor: { id: string } | null }>(
    await d('doctors.create', {
      displayName: `Dr ${m.familyName}`,
      email: EMAILS.doctor,
      password: PASSWORD,
      specialty: 'General Practice',
      licenseNumber: 'L-1',
      consultationFee: 100,
      experienceYears: 1,
    }),
    'doctors.create',
  );
  const desk = ok<{ id: string }>(
    await d('users.create', {
      displayName: `Desk ${m.familyName}`,
      email: EMAILS.front_desk,
      password: PASSWORD,
      role: 'front_desk',
      permissions: [],
    }),
    'users.create',
  );
  const spare = ok<{ id: string }>(
    await d('users.create', {
      displayName: `Spare ${m.familyName}`,
      email: 'spare@example.test',
      password: PASSWORD,
      role: 'front_desk',
      permissions: [],
    }),
    'users.create spare',
  );
  const priceItem = ok<{ id: string }>(
    await d('billing.savePriceItem', {
      code: 'CONS',
      description: m.invoiceLine,
      price: 12000,
      taxRateBp: null,
      active: true,
    }),
    'savePriceItem',
  );
  const doctorId = doctorUser.doctor?.id ?? '';
  await as(app, 'front_desk');
  const patient = ok<{ id: string; medicalRecordNumber: string }>(
    await d(
      'patients.create',
      patientInput({
        givenName: m.givenName,
        familyName: m.familyName,
        phone: m.phone,
        emergencyContact: { name: `${m.givenName} Kin`, phone: m.phone, relationship: 'spouse' },
      }),
    ),
    'patients.create',
  );
  const duplicate = ok<{ id: string }>(
    await d(
      'patients.create',
      patientInput({ givenName: m.givenName, familyName: m.familyName, phone: m.phone }),
    ),
    'patients.create duplicate',
  );
  const appt = ok<{ id: string }>(
    await d('appointments.book', {
      doctorId,
      patientId: patient.id,
      scheduledAt: '2027-01-05T10:00:00.000Z',
      durationMinutes: 15,
      notes: `notes ${m.familyName}`,
    }),
    'appointments.book',
  );
  const conv = ok<{ conversationId: string; message: { id: string } }>(
    await d('messages.start', {
      to: { kind: 'users', userIds: [doctorUser.id] },
      body: `Please call back about the ${m.message} results.`,
      patientId: patient.id,
    }),
    'messages.start',
  );
  const invoice = ok<{ invoice: { id: string } }>(
    await d('billing.create', {
      patientId: patient.id,
      appointmentId: appt.id,
      paymentMethod: 'card',
      lines: [{ description: m.invoiceLine, quantity: 1, unitPrice: 12000 }],
      issue: true,
    }),
    'billing.create',
  );
  const draft = ok<{ invoice: { id: string } }>(
    await d('billing.create', {
      patientId: patient.id,
      lines: [{ description: m.invoiceLine, quantity: 2, unitPrice: 500 }],
    }),
    'billing.create draft',
  );
  const spareDraft = ok<{ invoice: { id: string } }>(
    await d('billing.create', {
      patientId: patient.id,
      lines: [{ description: m.invoiceLine, quantity: 3, unitPrice: 500 }],
    }),
    'billing.create spare draft',
  );
  ok(
    await d('billing.pay', {
      billingId: invoice.invoice.id,
      amount: 5000,
      method: 'card',
    }),
    'billing.pay',
  );
  // Change kept as the patient's credit on a small invoice, and part of the visit paid from it.
  const small = ok<{ invoice: { id: string } }>(
    await d('billing.create', {
      patientId: patient.id,
      lines: [{ description: m.invoiceLine, quantity: 1, unitPrice: 1000 }],
      issue: true,
    }),
    'billing.create small',
  );
  ok(
    await d('billing.pay', {
      billingId: small.invoice.id,
      amount: 1500,
      method: 'cash',
      excessAsCredit: true,
    }),
    'billing.pay as credit',
  );
  const fromCredit = ok<{ credits: { id: string; kind: string }[] }>(
    await d('billing.payFromCredit', { billingId: invoice.invoice.id, amount: 300 }),
    'billing.payFromCredit',
  );
  const dayClose = ok<{ id: string }>(
    await d('billing.closeDay', { countedCash: 0, note: '' }),
    'closeDay',
  );
  await as(app, 'admin');
  ok(
    await d('billing.refund', {
      billingId: invoice.invoice.id,
      amount: 1000,
      method: 'card',
      reason: 'Charged twice',
    }),
    'billing.refund',
  );
  // Marked "not the same person" and then undone: a (tombstoned) dismissal row, the pair still listed.
  const pair = { aId: patient.id, bId: duplicate.id };
  ok(await d('patients.dismissDuplicatePair', pair), 'patients.dismissDuplicatePair');
  ok(await d('patients.undismissDuplicatePair', pair), 'patients.undismissDuplicatePair');
  await as(app, 'doctor');
  const record = ok<{ id: string }>(
    await d('records.create', {
      patientId: patient.id,
      recordType: 'note',
      content: { text: `Suspected ${m.record}, order chest CT.` },
    }),
    'records.create',
  );
  const prescribe = async (drug: string) =>
    ok<{ id: string }>(
      await d('records.create', {
        patientId: patient.id,
        recordType: 'prescription',
        content: { drug, dose: '500 mg', frequency: 'three times a day' },
      }),
      'records.create prescription',
    );
  const medication = await prescribe('Amoxicillin');
  const prescription = await prescribe('Ramipril');
  // Only a signed prescription prints.
  ok(await d('records.sign', { id: prescription.id }), 'records.sign prescription');
  const problem = ok<{ id: string }>(
    await d('records.create', {
      patientId: patient.id,
      recordType: 'diagnosis',
      content: { code: 'J45.9', description: `Asthma ${m.record}` },
    }),
    'records.create diagnosis',
  );
  // An attached letter whose title carries the clinic's marker (a title is shown in list answers).
  const letter = ok<{ documentId: string }>(
    await d('attachments.upload', {
      patientId: patient.id,
      title: `Letter ${m.record}`,
      fileName: 'letter.pdf',
      dataBase64: Buffer.from(`%PDF-1.4\n% ${m.record}\n%%EOF\n`, 'latin1').toString('base64'),
    }),
    'attachments.upload',
  );
  ok(
    await d('drafts.save', {
      patientId: patient.id,
      appointmentId: appt.id,
      content: { subjective: `draft ${m.record}` },
    }),
    'drafts.save',
  );
  ok(await d('messages.open', { conversationId: conv.conversationId }), 'messages.open');
  await d('session.logout', {});
  const store = app.workstation.requireStore();
  const admin = writableDb(store).prepare("SELECT id FROM users WHERE role = 'admin'").get() as {
    id: string;
  };
  return {
    tenantId: store.tenantId ?? '',
    adminUserId: admin.id,
    doctorUserId: doctorUser.id,
    doctorId,
    deskUserId: desk.id,
    patientId: patient.id,
    mrn: patient.medicalRecordNumber,
    appointmentId: appt.id,
    recordId: record.id,
    conversationId: conv.conversationId,
    messageId: conv.message.id,
    invoiceId: invoice.invoice.id,
    creditPaymentId: fromCredit.credits.find((c) => c.kind === 'applied')?.id ?? '',
    draftId: draft.invoice.id,
    spareDraftId: spareDraft.invoice.id,
    spareUserId: spare.id,
    priceItemId: priceItem.id,
    medicationId: medication.id,
    prescriptionId: prescription.id,
    problemId: problem.id,
    duplicatePatientId: duplicate.id,
    dayCloseId: dayClose.id,
    documentId: letter.documentId,
    deviceId: store.deviceId,
    markers: m,
  };
}

/** Every row of a tenant as one string (to prove a refused call left its rows alone). */
export function tenantSnapshot(app: CoreApp, tenantId: string): string {
  const db = writableDb(app.workstation.requireStore());
  return [...entityTables, 'audit_logs' as const]
    .map((t) =>
      JSON.stringify(
        db.prepare(`SELECT * FROM "${t}" WHERE tenantId = ? ORDER BY id`).all(tenantId),
      ),
    )
    .join('\n');
}

/** Copies the other store's clinic (entities, audit chain, key) into `target`'s file. */
function copyClinic(from: CoreApp, target: CoreApp): void {
  const src = writableDb(from.workstation.requireStore());
  const dst = writableDb(target.workstation.requireStore());
  const copy = (table: string, rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const cols = Object.keys(row);
      dst
        .prepare(
          `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        )
        .run(...cols.map((c) => row[c]));
    }
  };
  dst.transaction(() => {
    dst.pragma('defer_foreign_keys = ON');
    for (const t of [...entityTables, 'audit_logs']) {
      copy(t, src.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]);
    }
    // The oldest key, so this store's own current key stays current.
    const keys = src.prepare('SELECT keyId, key FROM clinic_keys').all() as {
      keyId: string;
      key: Buffer;
    }[];
    for (const k of keys)
      dst
        .prepare('INSERT INTO clinic_keys (keyId, key, createdAt) VALUES (?, ?, ?)')
        .run(k.keyId, k.key, '1970-01-01T00:00:00.000Z');
  })();
}

export interface TwoTenantWorld {
  /** The workstation of the own clinic, whose store file also holds the other clinic. */
  app: CoreApp;
  dataDir: string;
  own: ClinicIds;
  other: ClinicIds;
  /** Ids of every row of the other clinic (entities and audit entries) and its strings. */
  foreignNeedles: string[];
  login(role: StaffRole): Promise<void>;
  close(): void;
}

export async function twoTenantWorld(): Promise<TwoTenantWorld> {
  const otherDir = tempDir();
  const otherApp = await openCoreApp({
    dataDir: otherDir.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
  });
  const other = await seedClinic(otherApp, OTHER_MARKERS);
  const ownDir = tempDir();
  const first = await openCoreApp({
    dataDir: ownDir.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
  });
  const own = await seedClinic(first, OWN_MARKERS);
  copyClinic(otherApp, first);
  const otherDb = writableDb(otherApp.workstation.requireStore());
  const foreignIds = [...entityTables, 'audit_logs']
    .flatMap((t) => otherDb.prepare(`SELECT id FROM "${t}"`).all() as { id: string }[])
    .map((r) => r.id);
  otherApp.close();
  otherDir.cleanup();
  first.close();
  // Reopened, as a workstation starts: the keyring now holds both clinics' keys.
  const app = await openCoreApp({
    dataDir: ownDir.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
  });
  const m = OTHER_MARKERS;
  const foreignNeedles = [
    ...foreignIds,
    other.mrn,
    m.clinicName,
    m.givenName,
    m.familyName,
    m.phone,
    m.record,
    m.message,
    m.invoiceLine,
  ];
  return {
    app,
    dataDir: ownDir.dir,
    own,
    other,
    foreignNeedles,
    async login(role) {
      await app.dispatch('session.logout', {});
      ok(await app.dispatch('session.login', { email: EMAILS[role], password: PASSWORD }), role);
    },
    close() {
      app.close();
      ownDir.cleanup();
    },
  };
}

/** The needles of `needles` that occur in `value` (serialized). */
export function leaks(value: unknown, needles: readonly string[]): string[] {
  const text = JSON.stringify(value) ?? '';
  return needles.filter((n) => text.includes(n));
}
