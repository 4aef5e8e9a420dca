// Sensitive patients ("break the glass"). A patient marked staff, VIP or
// protected opens only after the session states a reason: every channel that
// returns that patient's details or clinical content calls `requireOpen`
// first and answers REASON_REQUIRED otherwise. The reason is written to the
// audit log (action 'break_glass') sealed with the clinic key, since it is
// free text a person typed and audit details must never carry patient data in
// the clear; it opens the patient for the rest of the session (cleared on lock
// and logout, see Workstation.lock). Everything here works offline: the flag
// is an ordinary synced patient column and the grant is local.
import type { ChannelInput } from '../../../shared/api/channels';
import {
  BreakGlassReason,
  type BreakGlassEntry,
  type PatientAccess,
} from '../../../shared/api/sensitive-patients';
import { Sensitivity } from '../../../shared/domain/enums';
import { AppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import { decryptField, encryptField, type FieldBinding } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import { survivorOf } from './patient-merge-service';
import { requireCap, type Session } from './session';

/**
 * A sealed reason must fit the audit entry's 500-character detail with the
 * wrapped key beside it; 230 bytes of UTF-8 leave room to spare.
 */
const REASON_MAX_BYTES = 230;
const DETAIL_PREFIX = 'reason ';

const utf8Length = (s: string): number => {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
};

const reasonBinding = (tenantId: string, patientId: string): FieldBinding => ({
  tenantId,
  table: 'audit_logs',
  rowId: patientId,
});

/** The patient's sensitivity; a patient of no clinic of this session's is not found. */
function sensitivityOf(store: ClinicStore, tenantId: string, patientId: string): Sensitivity {
  const row = store.read
    .prepare('SELECT sensitivity FROM patients WHERE tenantId = ? AND id = ?')
    .get(tenantId, patientId) as { sensitivity: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That record does not exist.');
  // A row that arrived before its flag (or from an older workstation) is not sensitive yet.
  return Sensitivity.catch('none').parse(row.sensitivity);
}

const isOpen = (session: Session, patientId: string, sensitivity: Sensitivity): boolean =>
  sensitivity === 'none' || session.breakGlass.has(patientId);

/**
 * Refuses with REASON_REQUIRED unless this session may open the patient now.
 * Called before anything of the patient's is read or audited as a read.
 */
export function requireOpen(store: ClinicStore, session: Session, patientId: string): void {
  const sensitivity = sensitivityOf(store, session.actor.tenantId, patientId);
  if (!isOpen(session, patientId, sensitivity))
    throw new AppError(
      'REASON_REQUIRED',
      'This patient is marked sensitive. State why you are opening their record.',
    );
}

interface BreakGlassRow {
  id: string;
  timestamp: string;
  userId: string | null;
  recordId: string;
  deviceId: string;
  detail: string;
}

export class SensitivePatientsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  /** A merged record's id stands for the record it was merged into, as in patients.get. */
  private live(tenantId: string, id: string): string {
    return survivorOf(this.repos, tenantId, id)?.id ?? id;
  }

  /** Admins and doctors mark or clear a patient (one synced column; the write is audited). */
  setSensitivity(
    session: Session,
    r: ChannelInput<'patients.setSensitivity'>,
  ): { patientId: string; sensitivity: Sensitivity } {
    requireCap(session, 'patients.set_sensitivity');
    const tenantId = session.actor.tenantId;
    const patient = this.repos.patients.get(tenantId, r.patientId);
    // Whoever marks a patient has them open already; the mark does not lock them out.
    if (r.sensitivity !== 'none') session.breakGlass.add(patient.id);
    if (patient.sensitivity === r.sensitivity)
      return { patientId: patient.id, sensitivity: patient.sensitivity };
    const saved = this.repos.patients.update(session.actor, patient.id, {
      sensitivity: r.sensitivity,
    });
    return { patientId: saved.id, sensitivity: saved.sensitivity };
  }

  /** Whether the patient opens without a reason now (metadata only: nothing is read, nothing audited). */
  access(session: Session, r: ChannelInput<'patients.access'>): PatientAccess {
    requireCap(session, 'patients.read');
    const tenantId = session.actor.tenantId;
    const patientId = this.live(tenantId, r.patientId);
    const sensitivity = sensitivityOf(this.store, tenantId, patientId);
    return { sensitivity, open: isOpen(session, patientId, sensitivity) };
  }

  /** States the reason: audited (sealed), then the patient is open for the rest of the session. */
  breakGlass(session: Session, r: ChannelInput<'patients.breakGlass'>): PatientAccess {
    requireCap(session, 'patients.read');
    const tenantId = session.actor.tenantId;
    // The CLI and tests call services directly: the contract's rule again, here.
    const parsed = BreakGlassReason.safeParse(r.reason);
    const reason = parsed.success ? parsed.data : '';
    const problem = !parsed.success
      ? (parsed.error.issues[0]?.message ?? 'give a reason')
      : utf8Length(reason) > REASON_MAX_BYTES
        ? 'shorten the reason'
        : null;
    if (problem !== null)
      throw new AppError('VALIDATION_FAILED', `Check the reason: ${problem}.`, [
        { path: 'reason', message: problem },
      ]);
    const patientId = this.live(tenantId, r.patientId);
    const sensitivity = sensitivityOf(this.store, tenantId, patientId);
    if (sensitivity !== 'none') {
      const sealed = encryptField(this.store.keyring, reasonBinding(tenantId, patientId), reason);
      this.store.audit(
        session.actor,
        'break_glass',
        'patients',
        patientId,
        `${DETAIL_PREFIX}${sealed.ciphertext} ${sealed.wrappedKey}`,
      );
      session.breakGlass.add(patientId);
    }
    return { sensitivity, open: true };
  }

  /** Admin → Sensitive access: every break-the-glass access, newest first, reasons decrypted. */
  log(
    session: Session,
    r: ChannelInput<'patients.breakGlassLog'>,
  ): { items: BreakGlassEntry[]; more: boolean } {
    requireCap(session, 'audit.read');
    const tenantId = session.actor.tenantId;
    const limit = r.limit;
    const rows = this.store.read
      .prepare(
        `SELECT id, timestamp, userId, recordId, deviceId, detail FROM audit_logs
         WHERE tenantId = ? AND action = 'break_glass' AND (? IS NULL OR id < ?)
         ORDER BY id DESC LIMIT ?`,
      )
      .all(tenantId, r.before ?? null, r.before ?? null, limit + 1) as BreakGlassRow[];
    const page = rows.slice(0, limit);
    const users = new Map<string, string>();
    const devices = new Map<string, string>();
    const items = page.map((row): BreakGlassEntry => {
      const patient = this.repos.patients.find(tenantId, row.recordId);
      let userName = row.userId ? users.get(row.userId) : '';
      if (userName === undefined && row.userId) {
        userName = this.repos.users.find(tenantId, row.userId)?.displayName ?? '';
        users.set(row.userId, userName);
      }
      let workstationName = devices.get(row.deviceId);
      if (workstationName === undefined) {
        workstationName = this.repos.devices.find(tenantId, row.deviceId)?.name ?? '';
        devices.set(row.deviceId, workstationName);
      }
      return {
        id: row.id,
        at: row.timestamp,
        userId: row.userId,
        userName: userName ?? '',
        patientId: row.recordId,
        patientName: patient ? `${patient.givenName} ${patient.familyName}` : '',
        medicalRecordNumber: patient?.medicalRecordNumber ?? '',
        reason: this.reasonOf(tenantId, row),
        deviceId: row.deviceId,
        workstationName,
      };
    });
    // The list names patients and shows what people wrote: reading it is itself audited.
    if (items.length > 0)
      this.store.audit(
        session.actor,
        'read',
        'audit_logs',
        null,
        `break-glass list: ${items.length} entries`,
      );
    return { items, more: rows.length > limit };
  }

  private reasonOf(tenantId: string, row: BreakGlassRow): string {
    const [ciphertext, wrappedKey] = row.detail.slice(DETAIL_PREFIX.length).split(' ');
    if (!row.detail.startsWith(DETAIL_PREFIX) || !ciphertext || !wrappedKey) return '';
    return decryptField(this.store.keyring, reasonBinding(tenantId, row.recordId), {
      ciphertext,
      wrappedKey,
    });
  }
}
