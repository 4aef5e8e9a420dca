// "Not the same person": an admin's dismissal of a likely duplicate pair, so
// the pair leaves Admin → Duplicates on every workstation. Rows are never
// edited; a pair is dismissed while any live row names it (migration 011
// explains the merge rule). Both writes go through the write path, so each is
// an audited create or delete naming the dismissal row.
import type { ApiResponse, ChannelInput } from '../../../shared/api/channels';
import { AppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { requireCap, type Session } from './session';

const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
export const pairKey = (x: string, y: string): string => ordered(x, y).join('/');

export class DuplicateDismissalsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  dismiss(
    session: Session,
    r: ChannelInput<'patients.dismissDuplicatePair'>,
  ): ApiResponse<'patients.dismissDuplicatePair'> {
    requireCap(session, 'patients.merge');
    const tenantId = session.actor.tenantId;
    const [patientA, patientB] = ordered(r.aId, r.bId);
    const live = this.store.read.prepare(
      'SELECT 1 FROM patients WHERE tenantId = ? AND id = ? AND deletedAt IS NULL',
    );
    if (!live.get(tenantId, patientA) || !live.get(tenantId, patientB))
      throw new AppError('NOT_FOUND', 'One of those patients does not exist.');
    if (this.liveRows(tenantId, patientA, patientB).length === 0)
      this.repos.duplicateDismissals.create(session.actor, { patientA, patientB });
    return { dismissed: true };
  }

  undismiss(
    session: Session,
    r: ChannelInput<'patients.undismissDuplicatePair'>,
  ): ApiResponse<'patients.undismissDuplicatePair'> {
    requireCap(session, 'patients.merge');
    const tenantId = session.actor.tenantId;
    const rows = this.liveRows(tenantId, ...ordered(r.aId, r.bId));
    if (rows.length === 0)
      throw new AppError('NOT_FOUND', 'That pair is not marked as two different people.');
    this.store.transaction(() => {
      for (const id of rows) this.repos.duplicateDismissals.delete(session.actor, id);
    });
    return { undone: rows.length };
  }

  /** Every dismissed pair of the clinic, as `pairKey`s. */
  dismissedPairs(tenantId: string): Set<string> {
    const rows = this.store.read
      .prepare(
        'SELECT patientA, patientB FROM duplicate_dismissals WHERE tenantId = ? AND deletedAt IS NULL',
      )
      .all(tenantId) as { patientA: string; patientB: string }[];
    return new Set(rows.map((d) => pairKey(d.patientA, d.patientB)));
  }

  private liveRows(tenantId: string, patientA: string, patientB: string): string[] {
    return (
      this.store.read
        .prepare(
          'SELECT id FROM duplicate_dismissals WHERE tenantId = ? AND patientA = ? AND patientB = ? AND deletedAt IS NULL',
        )
        .all(tenantId, patientA, patientB) as { id: string }[]
    ).map((d) => d.id);
  }
}
