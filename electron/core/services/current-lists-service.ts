// The medication list and the problem list of a chart, and the two changes a
// doctor makes to them: stopping a medication and resolving a problem. Each
// change is a new, signed record amending the current version (the original
// keeps its content); the merge rule for concurrent changes on two
// workstations is in shared/charting/current-list.ts.
import type {
  CurrentItem,
  CurrentLists,
  RecordContent,
  TimelineEntry,
} from '../../../shared/api/records';
import type { ChannelInput } from '../../../shared/api/channels';
import { currentVersions, type Chain } from '../../../shared/charting/current-list';
import { DiagnosisContent, PrescriptionContent } from '../../../shared/charting/content';
import { AppError } from '../../../shared/errors';
import { localDateOf } from '../../../shared/scheduling';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { decryptRecord, RecordsService } from './records-service';
import { requireCap, type Session } from './session';

type Content = Record<string, unknown>;
type ListType = 'prescription' | 'diagnosis';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const ended = (c: Content) => c['status'] === 'stopped' || c['status'] === 'resolved';

export class CurrentListsService {
  private readonly records: RecordsService;

  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {
    this.records = new RecordsService(store, repos);
  }

  /** Every chain of one type for a patient; each record's content is decrypted (and audited). */
  chains(session: Session, patientId: string, type: ListType): Chain<Content>[] {
    const tenantId = session.actor.tenantId;
    const rows = this.repos.medicalRecords.list(tenantId, {
      where: 'patientId = ? AND recordType = ?',
      params: [patientId, type],
      orderBy: 'recordedAt ASC, id ASC',
    });
    const contents = this.store.transaction(() =>
      rows.map((rec) => decryptRecord(this.store, tenantId, rec, session) as Content),
    );
    return currentVersions(
      rows.map((rec, i) => ({ ...rec, content: contents[i] ?? {} })),
      ended,
    );
  }

  current(session: Session, r: ChannelInput<'chart.current'>): CurrentLists {
    requireCap(session, 'records.read_content');
    this.repos.patients.get(session.actor.tenantId, r.patientId);
    const since = (rootId: string, fallback: string) =>
      this.repos.medicalRecords.find(session.actor.tenantId, rootId)?.recordedAt ?? fallback;
    const item = (c: Chain<Content>, type: ListType): CurrentItem => {
      const x = c.current.content;
      const base = {
        recordId: c.current.id,
        rootId: c.rootId,
        since: since(c.rootId, c.current.recordedAt),
        concurrent: c.concurrent,
      };
      return type === 'prescription'
        ? {
            ...base,
            status: x['status'] === 'stopped' ? 'stopped' : 'active',
            label: str(x['drug']),
            detail: ['strength', 'form', 'dose', 'route', 'frequency']
              .map((k) => str(x[k]))
              .filter((s) => s !== '')
              .join(' · '),
            endedOn: str(x['stoppedOn']) || null,
            stopReason: str(x['stopReason']) || null,
          }
        : {
            ...base,
            status: x['status'] === 'resolved' ? 'resolved' : 'active',
            label: str(x['description']),
            detail: str(x['code']),
            endedOn: str(x['resolvedOn']) || null,
            stopReason: null,
          };
    };
    return {
      medications: this.chains(session, r.patientId, 'prescription').map((c) =>
        item(c, 'prescription'),
      ),
      problems: this.chains(session, r.patientId, 'diagnosis').map((c) => item(c, 'diagnosis')),
    };
  }

  stopMedication(session: Session, r: ChannelInput<'records.stopMedication'>): TimelineEntry {
    const { chain, patientId } = this.chainOf(session, r.id, 'prescription');
    if (ended(chain.current.content))
      throw new AppError('INVALID_TRANSITION', 'This medication is already stopped.');
    const stoppedOn = this.day(session, r.stoppedOn);
    const content = PrescriptionContent.parse({
      ...chain.current.content,
      status: 'stopped',
      stoppedOn,
      stopReason: r.reason,
    });
    return this.addVersion(session, patientId, 'prescription', chain.current.id, content);
  }

  resolveProblem(session: Session, r: ChannelInput<'records.resolveProblem'>): TimelineEntry {
    const { chain, patientId } = this.chainOf(session, r.id, 'diagnosis');
    if (ended(chain.current.content))
      throw new AppError('INVALID_TRANSITION', 'This problem is already resolved.');
    const content = DiagnosisContent.parse({
      ...chain.current.content,
      status: 'resolved',
      resolvedOn: this.day(session, r.resolvedOn),
    });
    return this.addVersion(session, patientId, 'diagnosis', chain.current.id, content);
  }

  /** The chain holding record `id` (any of its versions), checked to be of the expected type. */
  private chainOf(session: Session, id: string, type: ListType) {
    requireCap(session, 'records.write');
    const rec = this.repos.medicalRecords.get(session.actor.tenantId, id);
    if (rec.recordType !== type)
      throw new AppError(
        'VALIDATION_FAILED',
        type === 'prescription'
          ? 'Only a medication can be stopped.'
          : 'Only a problem can be resolved.',
      );
    const chain = this.chains(session, rec.patientId, type).find((c) => c.ids.includes(id));
    if (!chain) throw new AppError('NOT_FOUND', 'That record was not found.');
    return { chain, patientId: rec.patientId };
  }

  /** A date given, or today in the clinic's zone; never in the future. */
  private day(session: Session, given: string | undefined): string {
    const tz = this.repos.tenants.get(session.actor.tenantId, session.actor.tenantId).timeZone;
    const today = localDateOf(this.store.now(), tz);
    if (given !== undefined && given > today)
      throw new AppError('VALIDATION_FAILED', 'The date cannot be in the future.', [
        { path: 'date', message: 'cannot be in the future' },
      ]);
    return given ?? today;
  }

  /** The new version, signed at once (a stop or a resolution is a finished clinical act). */
  private addVersion(
    session: Session,
    patientId: string,
    recordType: ListType,
    amendsRecordId: string,
    content: RecordContent,
  ): TimelineEntry {
    const rec = this.store.transaction(() =>
      this.records.create(
        session,
        { patientId, recordType, content, amendsRecordId },
        { sign: true },
      ),
    );
    return this.records.entry(session.actor.tenantId, rec);
  }
}
