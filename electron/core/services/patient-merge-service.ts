// Merging two records of the same person (admins holding patients.merge).
// The survivor takes the fields the admin chose from the other record; the
// other is retired: tombstoned with a pointer to the survivor, in one
// mutation. Its appointments, records, messages, conversations and invoices
// follow the pointer on every workstation (write/repoint-merged.ts), including
// rows another workstation adds for it offline before it hears of the merge.
// One audit entry says who merged which record into which, with the counts.
import type { ChannelInput } from '../../../shared/api/channels';
import type { MergeField } from '../../../shared/api/patient-duplicates';
import type { Patient } from '../../../shared/domain/patient';
import { AppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { requireCap, type Session } from './session';

/** Follows merge pointers from `id` to the record that survived (null when none is live). */
export function survivorOf(repos: Repositories, tenantId: string, id: string): Patient | null {
  let at = id;
  for (let hops = 0; hops < 32; hops++) {
    const row = repos.patients.list(tenantId, {
      where: 'id = ?',
      params: [at],
      includeDeleted: true,
    })[0];
    if (!row) return null;
    if (row.deletedAt === null) return row;
    if (row.mergedInto === null) return null;
    at = row.mergedInto;
  }
  return null;
}

export class PatientMergeService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  merge(session: Session, r: ChannelInput<'patients.merge'>): Patient {
    requireCap(session, 'patients.merge');
    const tenantId = session.actor.tenantId;
    const survivor = this.live(tenantId, r.survivorId);
    const retired = this.live(tenantId, r.retiredId);
    return this.store.transaction(() => {
      const changes: Partial<Record<MergeField, unknown>> = {};
      for (const field of r.takeFromRetired) changes[field] = retired[field];
      // The retired id opens the survivor from now on: a sensitive mark must not be lost on the way.
      const keepMark =
        retired.sensitivity !== 'none' && survivor.sensitivity === 'none'
          ? { sensitivity: retired.sensitivity }
          : {};
      const merged = this.repos.patients.update(session.actor, survivor.id, {
        ...(changes as Partial<Patient>),
        ...keepMark,
      });
      this.store.write(session.actor, {
        kind: 'delete',
        table: 'patients',
        id: retired.id,
        values: { mergedInto: survivor.id },
      });
      const moved = this.store.repointMergedPatients();
      this.store.audit(
        session.actor,
        'merge',
        'patients',
        survivor.id,
        `merged ${retired.id} into ${survivor.id}; rows moved: ${moved}; fields taken: ${r.takeFromRetired.join(',')}`,
      );
      return merged;
    });
  }

  private live(tenantId: string, id: string): Patient {
    const found = this.repos.patients.find(tenantId, id);
    if (found) return found;
    if (survivorOf(this.repos, tenantId, id))
      throw new AppError('CONFLICT', 'That record was already merged into another one.');
    throw new AppError('NOT_FOUND', 'That record does not exist.');
  }
}
