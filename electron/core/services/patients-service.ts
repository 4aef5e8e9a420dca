// Registering, finding and editing patients.
import type { ApiRequest } from '../../../shared/api/channels';
import type { PatientInput, PatientSummary } from '../../../shared/api/patients';
import type { Patient } from '../../../shared/domain/patient';
import { Tenant } from '../../../shared/domain/tenant';
import { AppError } from '../../../shared/errors';
import { birthDateProblem } from '../../../shared/patients/birth-date';
import { localDateOf } from '../../../shared/scheduling';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { survivorOf } from './patient-merge-service';
import { patientSearchCondition } from './patient-search';
import { requireOpen } from './sensitive-patients-service';
import { requireCap, type Session } from './session';

export class PatientsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  search(
    session: Session,
    r: ApiRequest<'patients.search'>,
  ): { total: number; items: PatientSummary[] } {
    const { query, offset = 0, limit = 100 } = r;
    requireCap(session, 'patients.read');
    const tenantId = session.actor.tenantId;
    const cond = patientSearchCondition(tenantId, query);
    const select = `SELECT id, medicalRecordNumber, givenName, familyName, dateOfBirth, phone`;
    const order = 'ORDER BY familyName, givenName, id LIMIT ? OFFSET ?';
    if (!cond) {
      // Everyone: the count and the page both come straight from indexes.
      const total = this.repos.patients.count(tenantId);
      const items = this.store.read
        .prepare(`${select} FROM patients WHERE tenantId = ? AND deletedAt IS NULL ${order}`)
        .all(tenantId, limit, offset) as PatientSummary[];
      return { total, items };
    }
    // A search: the matches are sorted anyway, so count them in the same pass.
    // `+tenantId` keeps SQLite from scanning the whole clinic through the
    // tenant index; it must drive from the matched rowids instead.
    const rows = this.store.read
      .prepare(
        `${select}, count(*) OVER () AS total FROM patients
         WHERE +tenantId = ? AND deletedAt IS NULL AND (${cond.where}) ${order}`,
      )
      .all(tenantId, ...cond.params, limit, offset) as (PatientSummary & { total: number })[];
    const total = rows[0]?.total ?? (offset === 0 ? 0 : this.repos.patients.count(tenantId, cond));
    const items = rows.map((r): PatientSummary => ({
      id: r.id,
      medicalRecordNumber: r.medicalRecordNumber,
      givenName: r.givenName,
      familyName: r.familyName,
      dateOfBirth: r.dateOfBirth,
      phone: r.phone,
    }));
    return { total, items };
  }

  /**
   * Opening a patient's record is audited as a read (who looked at whom, when, where).
   * A merged record's id opens the record it was merged into (its id differs from the one asked for).
   */
  get(session: Session, id: string): Patient {
    requireCap(session, 'patients.read');
    const tenantId = session.actor.tenantId;
    const patient = this.repos.patients.find(tenantId, id) ?? survivorOf(this.repos, tenantId, id);
    if (!patient) throw new AppError('NOT_FOUND', 'That record does not exist.');
    requireOpen(this.store, session, patient.id);
    this.store.audit(session.actor, 'read', 'patients', patient.id);
    return patient;
  }

  /**
   * The clinic's zone, read and validated as the one column it is (Tenant's own
   * schema for it): every patient create and edit asks, and parsing the whole
   * tenant row for it cost ~5% of a create (profiled).
   */
  private clinicTimeZone(tenantId: string): string {
    const row = this.store.read
      .prepare('SELECT timeZone FROM tenants WHERE id = ? AND tenantId = ? AND deletedAt IS NULL')
      .get(tenantId, tenantId) as { timeZone: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That record does not exist.');
    return Tenant.shape.timeZone.parse(row.timeZone);
  }

  /** A future or pre-1900 date of birth is refused with the form's own inline message. */
  private checkBirthDate(session: Session, dateOfBirth: string | undefined): void {
    if (dateOfBirth === undefined) return;
    const today = localDateOf(this.store.now(), this.clinicTimeZone(session.actor.tenantId));
    const problem = birthDateProblem(dateOfBirth, today);
    if (problem)
      throw new AppError('VALIDATION_FAILED', `The date of birth ${problem}.`, [
        { path: 'dateOfBirth', message: problem },
      ]);
  }

  /** Medical record numbers come from this workstation's own series, so offline workstations never collide. */
  create(session: Session, input: PatientInput): Patient {
    requireCap(session, 'patients.write');
    this.checkBirthDate(session, input.dateOfBirth);
    return this.store.transaction(() => {
      const n = this.store.nextNumber('mrn');
      const medicalRecordNumber = `${this.store.seriesCode}-${String(n).padStart(6, '0')}`;
      return this.repos.patients.create(session.actor, {
        ...input,
        medicalRecordNumber,
        userId: null,
      });
    });
  }

  update(session: Session, r: ApiRequest<'patients.update'>): Patient {
    requireCap(session, 'patients.write');
    this.checkBirthDate(session, r.changes.dateOfBirth);
    return this.repos.patients.update(session.actor, r.id, r.changes);
  }
}
