// Registering, finding and editing patients.
import type { PatientInput, PatientSummary } from '../../../shared/api/patients';
import type { Patient } from '../../../shared/domain/patient';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../store/clinic-store';
import { nextCounter } from '../store/local-meta';
import { patientSearchCondition } from './patient-search';
import { requireCap, type Session } from './session';

export class PatientsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  search(
    session: Session,
    query: string,
    offset: number,
    limit: number,
  ): { total: number; items: PatientSummary[] } {
    requireCap(session, 'patients.read');
    const tenantId = session.actor.tenantId;
    const cond = patientSearchCondition(tenantId, query) ?? { where: '1', params: [] };
    const total = this.repos.patients.count(tenantId, cond);
    const items = this.store.db
      .prepare(
        `SELECT id, medicalRecordNumber, givenName, familyName, dateOfBirth, phone FROM patients
         WHERE tenantId = ? AND deletedAt IS NULL AND (${cond.where})
         ORDER BY familyName, givenName, id LIMIT ? OFFSET ?`,
      )
      .all(tenantId, ...cond.params, limit, offset) as PatientSummary[];
    return { total, items };
  }

  /** Opening a patient's record is audited as a read (who looked at whom, when, where). */
  get(session: Session, id: string): Patient {
    requireCap(session, 'patients.read');
    const patient = this.repos.patients.get(session.actor.tenantId, id);
    this.store.audit(session.actor, 'read', 'patients', id);
    return patient;
  }

  /** Medical record numbers come from this workstation's own series, so offline workstations never collide. */
  create(session: Session, input: PatientInput): Patient {
    requireCap(session, 'patients.write');
    return this.store.transaction(() => {
      const n = nextCounter(this.store.db, 'counter:mrn');
      const medicalRecordNumber = `${this.store.seriesCode}-${String(n).padStart(6, '0')}`;
      return this.repos.patients.create(session.actor, {
        ...input,
        medicalRecordNumber,
        userId: null,
      });
    });
  }

  update(session: Session, id: string, changes: Partial<PatientInput>): Patient {
    requireCap(session, 'patients.write');
    return this.repos.patients.update(session.actor, id, changes);
  }
}
