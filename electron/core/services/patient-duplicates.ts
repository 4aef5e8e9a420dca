// Likely duplicate patients: the check while registering (a handful of index
// lookups, fast enough to run on every keystroke in a 100,000-patient clinic)
// and the admin's list of pairs across the whole clinic (after sync, two
// workstations may each have registered the same person).
import type { ApiResponse, ChannelInput } from '../../../shared/api/channels';
import type {
  ChangedAfterMerge,
  DuplicatePair,
  MergeField,
} from '../../../shared/api/patient-duplicates';
import type { PatientSummary } from '../../../shared/api/patients';
import { MergeField as MergeFieldSchema } from '../../../shared/api/patient-duplicates';
import { duplicateReasons, phoneDigits } from '../../../shared/patients/duplicates';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { DuplicateDismissalsService, pairKey } from './duplicate-dismissals';
import { survivorOf } from './patient-merge-service';
import { requireCap, type Session } from './session';

/**
 * The digits of `patients.phone` in SQL. Must stay identical to the expression
 * of the `patients_phone_digits` index (migration 008), or SQLite scans.
 */
export const PHONE_DIGITS_SQL =
  "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')";

const SUMMARY = 'id, medicalRecordNumber, givenName, familyName, dateOfBirth, phone';
const MAX_SHOWN = 10;

type SummaryRow = PatientSummary & { createdAt: string };

const summary = (r: PatientSummary): PatientSummary => ({
  id: r.id,
  medicalRecordNumber: r.medicalRecordNumber,
  givenName: r.givenName,
  familyName: r.familyName,
  dateOfBirth: r.dateOfBirth,
  phone: r.phone,
});

export class PatientDuplicatesService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  /** Patients the one being typed is likely to be, most telling first (at most 10). */
  likely(
    session: Session,
    r: ChannelInput<'patients.likelyDuplicates'>,
  ): ApiResponse<'patients.likelyDuplicates'> {
    requireCap(session, 'patients.read');
    const tenantId = session.actor.tenantId;
    const digits = phoneDigits(r.phone);
    const parts: string[] = [];
    const params: string[] = [];
    if (r.dateOfBirth) {
      parts.push(
        `SELECT ${SUMMARY} FROM patients WHERE tenantId = ? AND dateOfBirth = ? AND deletedAt IS NULL`,
      );
      params.push(tenantId, r.dateOfBirth);
    }
    if (digits) {
      parts.push(
        `SELECT ${SUMMARY} FROM patients WHERE tenantId = ? AND ${PHONE_DIGITS_SQL} = ? AND deletedAt IS NULL`,
      );
      params.push(tenantId, digits);
    }
    if (parts.length === 0) return { items: [] };
    // A bound on what one probe reads: a birth date or a number shared by
    // hundreds of patients (a clinic's own switchboard) still answers quickly.
    const rows = this.store.read
      .prepare(`${parts.join(' UNION ')} LIMIT 2000`)
      .all(...params) as PatientSummary[];
    const items = rows
      .filter((p) => p.id !== r.excludeId)
      .map((p) => ({ patient: summary(p), reasons: duplicateReasons(r, p) }))
      .filter((d) => d.reasons.length > 0)
      .sort(
        (x, y) =>
          y.reasons.length - x.reasons.length ||
          x.patient.familyName.localeCompare(y.patient.familyName) ||
          x.patient.id.localeCompare(y.patient.id),
      )
      .slice(0, MAX_SHOWN);
    return { items };
  }

  /**
   * Every likely duplicate pair of live patients, newest registrations first,
   * and the edits made to merged records after their merge. Candidates come
   * from patients sharing a birth date or a phone number (both indexed); the
   * shared rule decides.
   */
  pairs(
    session: Session,
    r: ChannelInput<'patients.duplicatePairs'>,
  ): ApiResponse<'patients.duplicatePairs'> {
    requireCap(session, 'patients.merge');
    const tenantId = session.actor.tenantId;
    const read = this.store.read;
    const select = `SELECT ${SUMMARY}, createdAt FROM patients`;
    const byBirth = read
      .prepare(
        `${select} WHERE tenantId = ? AND deletedAt IS NULL AND dateOfBirth IN (
           SELECT dateOfBirth FROM patients WHERE tenantId = ? AND deletedAt IS NULL
           GROUP BY dateOfBirth HAVING count(*) > 1)
         ORDER BY dateOfBirth`,
      )
      .all(tenantId, tenantId) as SummaryRow[];
    const byPhone = read
      .prepare(
        `${select} WHERE tenantId = ? AND deletedAt IS NULL AND ${PHONE_DIGITS_SQL} IN (
           SELECT ${PHONE_DIGITS_SQL} FROM patients WHERE tenantId = ? AND deletedAt IS NULL
           AND length(${PHONE_DIGITS_SQL}) >= 6
           GROUP BY ${PHONE_DIGITS_SQL} HAVING count(*) > 1)`,
      )
      .all(tenantId, tenantId) as SummaryRow[];
    const found = new Map<string, DuplicatePair & { newest: string }>();
    const consider = (group: SummaryRow[]) => {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [x, y] = [group[i], group[j]] as [SummaryRow, SummaryRow];
          const [a, b] = x.id < y.id ? [x, y] : [y, x];
          const key = `${a.id}/${b.id}`;
          if (found.has(key)) continue;
          const reasons = duplicateReasons(a, b);
          if (reasons.length === 0) continue;
          const newest = a.createdAt > b.createdAt ? a.createdAt : b.createdAt;
          found.set(key, { a: summary(a), b: summary(b), reasons, newest });
        }
      }
    };
    for (const group of groupBy(byBirth, (p) => p.dateOfBirth)) consider(group);
    for (const group of groupBy(byPhone, (p) => phoneDigits(p.phone))) consider(group);
    const dismissed = new DuplicateDismissalsService(this.store, this.repos).dismissedPairs(
      tenantId,
    );
    const all = [...found.values()]
      .filter((p) => !dismissed.has(pairKey(p.a.id, p.b.id)))
      .sort((x, y) => y.newest.localeCompare(x.newest) || x.a.id.localeCompare(y.a.id));
    return {
      total: all.length,
      pairs: all.slice(0, r.limit).map(({ a, b, reasons }) => ({ a, b, reasons })),
      changedAfterMerge: this.changedAfterMerge(tenantId),
    };
  }

  /**
   * Edits to a merged record's own fields made after the merge (typically
   * offline, on a workstation that had not heard of it yet), whose value the
   * survivor does not hold and has not been edited since: kept visible so the
   * admin can take them over. Derived from the merged data and its clocks, so
   * every workstation lists the same.
   */
  private changedAfterMerge(tenantId: string): ChangedAfterMerge[] {
    const read = this.store.read;
    const clocksOf = read.prepare('SELECT _hlc, _clocks FROM patients WHERE id = ?');
    const clockOf = (id: string) => {
      const row = clocksOf.get(id) as { _hlc: string; _clocks: string };
      const clocks = JSON.parse(row._clocks) as Record<string, string>;
      return (column: string): string => clocks[column] ?? row._hlc;
    };
    const retired = this.repos.patients.list(tenantId, {
      where: 'mergedInto IS NOT NULL',
      orderBy: 'id',
      includeDeleted: true,
    });
    const out: ChangedAfterMerge[] = [];
    for (const old of retired) {
      const survivor = survivorOf(this.repos, tenantId, old.id);
      if (!survivor) continue;
      const oldClock = clockOf(old.id);
      const survivorClock = clockOf(survivor.id);
      const mergedAt = oldClock('mergedInto');
      for (const field of MergeFieldSchema.options) {
        const editedAt = oldClock(field);
        if (editedAt <= mergedAt || editedAt <= survivorClock(field)) continue;
        if (JSON.stringify(old[field]) === JSON.stringify(survivor[field])) continue;
        const changes: Partial<Record<MergeField, unknown>> = { [field]: old[field] };
        out.push({
          survivor: summary(survivor),
          retiredId: old.id,
          field,
          changes: changes as ChangedAfterMerge['changes'],
        });
      }
    }
    return out;
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!k) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(row);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
