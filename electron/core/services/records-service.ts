// Clinical records. Content is encrypted per record (crypto/field-crypto.ts);
// listing shows metadata only, and every read of content is audited.
import type { MedicalRecord } from '../../../shared/domain/medical-record';
import type { z } from 'zod';
import type { NewRecordRequest, RecordContent } from '../../../shared/api/records';
import { AppError } from '../../../shared/errors';
import { randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { requireCap, type Session } from './session';

type NewRecord = z.input<typeof NewRecordRequest>;

export class RecordsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  private authorDoctorId(session: Session): string {
    const doctor = this.repos.doctors.list(session.actor.tenantId, {
      where: 'userId = ?',
      params: [session.user.id],
      limit: 1,
    })[0];
    if (!doctor) throw new AppError('FORBIDDEN', 'Only doctors write clinical records.');
    return doctor.id;
  }

  create(session: Session, r: NewRecord, opts: { sign?: boolean } = {}): MedicalRecord {
    requireCap(session, 'records.write');
    const tenantId = session.actor.tenantId;
    this.repos.patients.get(tenantId, r.patientId);
    if (r.amendsRecordId) this.repos.medicalRecords.get(tenantId, r.amendsRecordId);
    const doctorId = this.authorDoctorId(session);
    const id = randomUUID();
    const sealed = encryptField(
      this.store.keyring,
      { tenantId, table: 'medical_records', rowId: id },
      JSON.stringify(r.content),
    );
    const now = this.store.nowIso();
    return this.repos.medicalRecords.create(
      session.actor,
      {
        patientId: r.patientId,
        doctorId,
        recordType: r.recordType,
        encryptedData: sealed.ciphertext,
        encryptionKey: sealed.wrappedKey,
        recordedAt: r.recordedAt ?? now,
        signedAt: opts.sign ? now : null,
        signedBy: opts.sign ? session.user.id : null,
        amendsRecordId: r.amendsRecordId ?? null,
      },
      id,
    );
  }

  /**
   * Signs a record: from then on it is immutable, and corrections are
   * amendments (new records with amendsRecordId), so no clinical text is ever
   * overwritten, not even by a concurrent edit on another workstation.
   */
  sign(session: Session, id: string): MedicalRecord {
    requireCap(session, 'records.write');
    const tenantId = session.actor.tenantId;
    const rec = this.repos.medicalRecords.get(tenantId, id);
    if (rec.signedAt) throw new AppError('INVALID_TRANSITION', 'This record is already signed.');
    if (rec.doctorId !== this.authorDoctorId(session)) {
      throw new AppError('FORBIDDEN', 'Only the author can sign a record.');
    }
    return this.repos.medicalRecords.update(session.actor, id, {
      signedAt: this.store.nowIso(),
      signedBy: session.user.id,
    });
  }

  /** A correction to a signed record: a new record pointing at it. The original stays as it was. */
  amend(session: Session, id: string, content: RecordContent): MedicalRecord {
    const original = this.repos.medicalRecords.get(session.actor.tenantId, id);
    if (!original.signedAt)
      throw new AppError(
        'INVALID_TRANSITION',
        'Only signed records are amended; edit the draft instead.',
      );
    return this.create(session, {
      patientId: original.patientId,
      recordType: original.recordType,
      content,
      amendsRecordId: id,
    });
  }

  /** Metadata only: type, dates, author, signature. No content. */
  listForPatient(session: Session, patientId: string): MedicalRecord[] {
    requireCap(session, 'records.list');
    return this.repos.medicalRecords.list(session.actor.tenantId, {
      where: 'patientId = ?',
      params: [patientId],
      orderBy: 'recordedAt DESC',
    });
  }

  /** The decrypted content of one record; audited as a read. */
  readContent(session: Session, id: string): RecordContent {
    requireCap(session, 'records.read_content');
    return decryptRecord(
      this.store,
      session.actor.tenantId,
      this.repos.medicalRecords.get(session.actor.tenantId, id),
      session,
    );
  }
}

export function decryptRecord(
  store: ClinicStore,
  tenantId: string,
  rec: MedicalRecord,
  session: Session | null,
): RecordContent {
  const text = decryptField(
    store.keyring,
    { tenantId, table: 'medical_records', rowId: rec.id },
    {
      ciphertext: rec.encryptedData,
      wrappedKey: rec.encryptionKey,
    },
  );
  if (session) store.audit(session.actor, 'read', 'medical_records', rec.id);
  return JSON.parse(text) as RecordContent;
}
