// Clinical records. Content is encrypted per record (crypto/field-crypto.ts);
// listing shows metadata only, and every read of content is audited.
import type { MedicalRecord } from '../../../shared/domain/medical-record';
import type { z } from 'zod';
import type {
  ChartSummary,
  NewRecordRequest,
  RecordContent,
  TimelineEntry,
} from '../../../shared/api/records';
import { AppError } from '../../../shared/errors';
import type { ChannelInput } from '../../../shared/api/channels';
import { contentSchemaFor, type AllergyContent } from '../../../shared/charting/content';
import { ageInYears } from '../../../shared/charting/age';
import { allergyMatches } from '../../../shared/charting/allergy-match';
import { currentVersions } from '../../../shared/charting/current-list';
import { localDateOf } from '../../../shared/scheduling';
import { zodIssues } from '../write/zod-issues';
import { randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '../crypto/field-crypto';
import { signedContentHash } from '../crypto/content-hash';
import type { Icd10Code } from '../store/icd10-codes';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { requireOpen } from './sensitive-patients-service';
import { requireCap, type Session } from './session';
import { authorDoctorId } from './record-author';

type NewRecord = z.input<typeof NewRecordRequest>;

export class RecordsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  create(session: Session, r: NewRecord, opts: { sign?: boolean } = {}): MedicalRecord {
    requireCap(session, 'records.write');
    const tenantId = session.actor.tenantId;
    this.repos.patients.get(tenantId, r.patientId);
    if (r.amendsRecordId) this.repos.medicalRecords.get(tenantId, r.amendsRecordId);
    const doctorId = authorDoctorId(this.repos, session);
    const id = randomUUID();
    const plaintext = JSON.stringify(r.content);
    const sealed = encryptField(
      this.store.keyring,
      { tenantId, table: 'medical_records', rowId: id },
      plaintext,
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
        signedContentHash: opts.sign
          ? signedContentHash(this.store.keyring, { tenantId, recordId: id }, plaintext)
          : null,
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
    if (rec.doctorId !== authorDoctorId(this.repos, session)) {
      throw new AppError('FORBIDDEN', 'Only the author can sign a record.');
    }
    // The hash is of the content as stored (decrypted here without a read audit: nothing
    // is shown, and the signature itself is audited as the update).
    const plaintext = decryptRecordText(this.store, tenantId, rec);
    return this.repos.medicalRecords.update(session.actor, id, {
      signedAt: this.store.nowIso(),
      signedBy: session.user.id,
      signedContentHash: signedContentHash(
        this.store.keyring,
        { tenantId, recordId: id },
        plaintext,
      ),
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
  // ---- Charting channels (shared/api/records.ts) ----

  /** The chart header: demographics for everyone with records.list, clinical lines for content readers. */
  chartSummary(session: Session, r: ChannelInput<'chart.summary'>): ChartSummary {
    requireCap(session, 'records.list');
    requireCap(session, 'patients.read');
    const tenantId = session.actor.tenantId;
    const patient = this.repos.patients.get(tenantId, r.patientId);
    requireOpen(this.store, session, patient.id);
    this.store.audit(session.actor, 'read', 'patients', patient.id, 'chart');
    const tz = this.repos.tenants.get(tenantId, tenantId).timeZone;
    const lastVisit = this.repos.appointments.list(tenantId, {
      where: "patientId = ? AND status = 'completed'",
      params: [patient.id],
      orderBy: 'scheduledAt DESC',
      limit: 1,
    })[0];
    return {
      patientId: patient.id,
      name: `${patient.givenName} ${patient.familyName}`,
      ageYears: ageInYears(patient.dateOfBirth, localDateOf(this.store.now(), tz)),
      sex: patient.sex,
      medicalRecordNumber: patient.medicalRecordNumber,
      lastVisitAt: lastVisit?.scheduledAt ?? null,
      clinical: session.capabilities.has('records.read_content')
        ? this.clinicalSummary(session, patient.id)
        : null,
    };
  }

  /** Allergies and active problems from the current version of each record (an amendment replaces what it amends). */
  private clinicalSummary(
    session: Session,
    patientId: string,
  ): NonNullable<ChartSummary['clinical']> {
    const tenantId = session.actor.tenantId;
    const rows = this.repos.medicalRecords.list(tenantId, {
      where: "patientId = ? AND recordType IN ('allergy', 'diagnosis')",
      params: [patientId],
      orderBy: 'recordedAt ASC, id ASC',
    });
    const amended = new Set(rows.map((x) => x.amendsRecordId).filter((x) => x !== null));
    const current = rows.filter((x) => !amended.has(x.id));
    const allergies: NonNullable<ChartSummary['clinical']>['allergies'] = [];
    const activeProblems: NonNullable<ChartSummary['clinical']>['activeProblems'] = [];
    let noneKnown = false;
    // Every record decrypted for the header is audited; one transaction for all of them.
    const contents = this.store.transaction(() =>
      current.map(
        (rec) => decryptRecord(this.store, tenantId, rec, session) as Record<string, unknown>,
      ),
    );
    const byId = new Map(current.map((rec, i) => [rec.id, contents[i] ?? {}]));
    for (const [index, rec] of current.entries()) {
      const content = contents[index] ?? {};
      if (rec.recordType === 'allergy') {
        const a = content as Partial<AllergyContent & { substance: string }> & {
          noKnownAllergies?: boolean;
          status?: string;
        };
        if (a.noKnownAllergies === true) noneKnown = true;
        else if (typeof a.substance === 'string' && a.status !== 'inactive')
          allergies.push({
            substance: a.substance,
            reaction: typeof content['reaction'] === 'string' ? content['reaction'] : '',
            severity: typeof content['severity'] === 'string' ? content['severity'] : '',
          });
      }
    }
    // Problems by chain, with the same merge rule as the problem list (shared/charting/current-list.ts).
    const problems = currentVersions(
      rows
        .filter((x) => x.recordType === 'diagnosis')
        .map((x) => ({ ...x, content: byId.get(x.id) ?? null })),
      (c) => c?.['status'] === 'resolved',
    );
    for (const { current: p } of problems)
      if (p.content && p.content['status'] !== 'resolved')
        activeProblems.push({
          code: String(p.content['code'] ?? ''),
          description: String(p.content['description'] ?? ''),
        });
    return {
      allergyStatus: allergies.length > 0 ? 'recorded' : noneKnown ? 'none_known' : 'not_recorded',
      allergies,
      activeProblems,
    };
  }

  /** Metadata only, newest first, keyset-paged (recordedAt, id), optionally of some types. */
  timeline(
    session: Session,
    r: ChannelInput<'records.timeline'>,
  ): { items: TimelineEntry[]; next: { recordedAt: string; id: string } | null } {
    requireCap(session, 'records.list');
    const tenantId = session.actor.tenantId;
    this.repos.patients.get(tenantId, r.patientId);
    requireOpen(this.store, session, r.patientId);
    const where = ['patientId = ?'];
    const params: string[] = [r.patientId];
    if (r.types && r.types.length > 0) {
      where.push(`recordType IN (${r.types.map(() => '?').join(', ')})`);
      params.push(...r.types);
    }
    if (r.after) {
      where.push('(recordedAt < ? OR (recordedAt = ? AND id < ?))');
      params.push(r.after.recordedAt, r.after.recordedAt, r.after.id);
    }
    const rows = this.repos.medicalRecords.list(tenantId, {
      where: where.join(' AND '),
      params,
      orderBy: 'recordedAt DESC, id DESC',
      limit: r.limit + 1,
    });
    const page = rows.slice(0, r.limit);
    const items = this.entries(tenantId, page);
    const last = page[page.length - 1];
    return {
      items,
      next: rows.length > r.limit && last ? { recordedAt: last.recordedAt, id: last.id } : null,
    };
  }

  /** Timeline entries for rows: author names and amendments looked up once per call. */
  private entries(tenantId: string, rows: readonly MedicalRecord[]): TimelineEntry[] {
    if (rows.length === 0) return [];
    const ids = rows.map((x) => x.id);
    const amendments = this.repos.medicalRecords.list(tenantId, {
      where: `amendsRecordId IN (${ids.map(() => '?').join(', ')})`,
      params: ids,
      orderBy: 'recordedAt ASC, id ASC',
    });
    const names = new Map<string, string>();
    const authorName = (doctorId: string): string => {
      let name = names.get(doctorId);
      if (name === undefined) {
        const doctor = this.repos.doctors.find(tenantId, doctorId);
        name = doctor ? (this.repos.users.find(tenantId, doctor.userId)?.displayName ?? '') : '';
        names.set(doctorId, name);
      }
      return name;
    };
    return rows.map((rec) => {
      const amendmentIds = amendments.filter((a) => a.amendsRecordId === rec.id).map((a) => a.id);
      return {
        id: rec.id,
        patientId: rec.patientId,
        recordType: rec.recordType,
        recordedAt: rec.recordedAt,
        doctorId: rec.doctorId,
        authorName: authorName(rec.doctorId),
        state: amendmentIds.length > 0 ? 'amended' : rec.signedAt ? 'signed' : 'unsigned',
        signedAt: rec.signedAt,
        amendsRecordId: rec.amendsRecordId,
        amendmentIds,
      };
    });
  }

  entry(tenantId: string, rec: MedicalRecord): TimelineEntry {
    const [e] = this.entries(tenantId, [rec]);
    if (!e) throw new AppError('INTERNAL', 'The record could not be listed.');
    return e;
  }

  /** One record's decrypted content with its metadata; audited as a read. */
  read(
    session: Session,
    r: ChannelInput<'records.read'>,
  ): { entry: TimelineEntry; content: RecordContent } {
    requireCap(session, 'records.read_content');
    const tenantId = session.actor.tenantId;
    const rec = this.repos.medicalRecords.get(tenantId, r.id);
    return {
      entry: this.entry(tenantId, rec),
      content: decryptRecord(this.store, tenantId, rec, session),
    };
  }

  /** A new record; its content was checked against its type's schema by the contract. */
  createRecord(session: Session, r: ChannelInput<'records.create'>): TimelineEntry {
    requireCap(session, 'records.write');
    this.requireKnownCode(r.recordType, r.content);
    const warned =
      r.recordType === 'prescription'
        ? this.allergyWarning(session, r.patientId, r.content.drug)
        : false;
    if (warned && r.recordType === 'prescription' && !r.acknowledgeAllergy)
      throw new AppError(
        'CONFLICT',
        'This drug matches an allergy recorded for this patient. Check the allergies, then confirm to prescribe anyway.',
        [{ path: 'content.drug', message: 'matches a recorded allergy' }],
      );
    const rec = this.store.transaction(() =>
      this.create(
        session,
        {
          patientId: r.patientId,
          recordType: r.recordType,
          content: r.content as RecordContent,
          ...(r.recordedAt ? { recordedAt: r.recordedAt } : {}),
        },
        { sign: r.sign },
      ),
    );
    if (warned)
      this.store.audit(
        session.actor,
        'create',
        'medical_records',
        rec.id,
        'allergy warning acknowledged',
      );
    return this.entry(session.actor.tenantId, rec);
  }

  /** Whether `drug` matches one of the patient's current allergies (reading them is audited). */
  private allergyWarning(session: Session, patientId: string, drug: string): boolean {
    this.repos.patients.get(session.actor.tenantId, patientId);
    const { allergies } = this.clinicalSummary(session, patientId);
    return (
      allergyMatches(
        drug,
        allergies.map((a) => a.substance),
      ).length > 0
    );
  }

  signRecord(session: Session, r: ChannelInput<'records.sign'>): TimelineEntry {
    return this.entry(session.actor.tenantId, this.sign(session, r.id));
  }

  /**
   * Deletes an unsigned record (a tombstone, synced like every delete), by its
   * author only. A signed record is never deleted: it is corrected by an amendment.
   */
  deleteRecord(session: Session, r: ChannelInput<'records.delete'>): { id: string } {
    requireCap(session, 'records.write');
    const rec = this.repos.medicalRecords.get(session.actor.tenantId, r.id);
    if (rec.signedAt)
      throw new AppError(
        'INVALID_TRANSITION',
        'A signed record is never deleted; amend it to correct it.',
      );
    if (rec.doctorId !== authorDoctorId(this.repos, session))
      throw new AppError('FORBIDDEN', 'Only the author can delete an unsigned record.');
    this.repos.medicalRecords.delete(session.actor, rec.id);
    return { id: rec.id };
  }

  /** A correction of a signed record, checked against the original's type. */
  amendRecord(session: Session, r: ChannelInput<'records.amend'>): TimelineEntry {
    requireCap(session, 'records.write');
    const tenantId = session.actor.tenantId;
    const original = this.repos.medicalRecords.get(tenantId, r.id);
    const parsed = contentSchemaFor(original.recordType).safeParse(r.content);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error).map((i) => ({ ...i, path: `content.${i.path}` }));
      throw new AppError(
        'VALIDATION_FAILED',
        issues[0]?.message ?? 'The amendment is not valid.',
        issues,
      );
    }
    this.requireKnownCode(original.recordType, parsed.data);
    const rec = this.store.transaction(() => {
      const amendment = this.amend(session, r.id, parsed.data as RecordContent);
      return r.sign ? this.sign(session, amendment.id) : amendment;
    });
    return this.entry(tenantId, rec);
  }

  /** ICD-10 codes matching what the doctor typed, from this workstation's code list. */
  searchCodes(session: Session, r: ChannelInput<'codes.search'>): { items: Icd10Code[] } {
    requireCap(session, 'records.write');
    return { items: this.store.codes.search(r.query, r.limit) };
  }

  /** Refuses a diagnosis whose code is not in the code list (the format alone lets `Z99.99` through). */
  private requireKnownCode(recordType: string, content: unknown): void {
    if (recordType !== 'diagnosis' || typeof content !== 'object' || content === null) return;
    const code = (content as Record<string, unknown>)['code'];
    if (typeof code === 'string' && this.store.codes.find(code) === null)
      throw new AppError(
        'VALIDATION_FAILED',
        'This ICD-10 code is not in the code list: pick one from the suggestions (an administrator can load the full ICD-10-CM list with ehrbs codes import).',
        [{ path: 'content.code', message: 'not a known ICD-10 code' }],
      );
  }
}

/** A record's content as the JSON text it was stored as; not audited (callers audit reads). */
export function decryptRecordText(
  store: ClinicStore,
  tenantId: string,
  rec: MedicalRecord,
): string {
  return decryptField(
    store.keyring,
    { tenantId, table: 'medical_records', rowId: rec.id },
    { ciphertext: rec.encryptedData, wrappedKey: rec.encryptionKey },
  );
}

export function decryptRecord(
  store: ClinicStore,
  tenantId: string,
  rec: MedicalRecord,
  session: Session | null,
): RecordContent {
  // Every decryption for a session (records, current lists, documents, exports) passes here.
  if (session) requireOpen(store, session, rec.patientId);
  const text = decryptRecordText(store, tenantId, rec);
  if (session) store.audit(session.actor, 'read', 'medical_records', rec.id);
  return JSON.parse(text) as RecordContent;
}
