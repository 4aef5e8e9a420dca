// The chart's trends (shared/charting/trends.ts): the current version of each
// vitals and lab record (an amendment replaces what it amends, at the time of
// the original), decrypted in
// one transaction, each read audited.
import type { ChannelInput } from '../../../shared/api/channels';
import type { ChartTrends, TrendBand } from '../../../shared/api/trends';
import { labTrends, vitalTrends, type Band } from '../../../shared/charting/trends';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { decryptRecord } from './records-service';
import { requireCap, type Session } from './session';

/** JSON has no infinity: an open side of a band travels as null. */
const wireBand = (b: Band | null): TrendBand | null =>
  b && {
    low: Number.isFinite(b.low) ? b.low : null,
    high: Number.isFinite(b.high) ? b.high : null,
  };

export class TrendsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  trends(session: Session, r: ChannelInput<'chart.trends'>): ChartTrends {
    requireCap(session, 'records.read_content');
    const tenantId = session.actor.tenantId;
    this.repos.patients.get(tenantId, r.patientId);
    const rows = this.repos.medicalRecords.list(tenantId, {
      where: "patientId = ? AND recordType IN ('vitals', 'lab_result')",
      params: [r.patientId],
      orderBy: 'recordedAt ASC, id ASC',
    });
    const amended = new Set(rows.map((x) => x.amendsRecordId).filter((x) => x !== null));
    const current = rows.filter((x) => !amended.has(x.id));
    const byId = new Map(rows.map((x) => [x.id, x]));
    // A correction is drawn at the time of the result it corrects.
    const rootTime = (id: string): string => {
      let rec = byId.get(id);
      for (let hops = 0; rec?.amendsRecordId && hops < 100; hops++) {
        const up = byId.get(rec.amendsRecordId);
        if (!up) break;
        rec = up;
      }
      return rec?.recordedAt ?? '';
    };
    const dated = this.store.transaction(() =>
      current.map((rec) => ({
        type: rec.recordType,
        recordedAt: rootTime(rec.id),
        content: decryptRecord(this.store, tenantId, rec, session) as Record<string, unknown>,
      })),
    );
    return {
      vitals: vitalTrends(
        dated.filter((d) => d.type === 'vitals'),
        this.repos.tenants.get(tenantId, tenantId).unitSystem,
      ).map((t) => ({
        ...t,
        band: wireBand(t.band),
      })),
      labs: labTrends(dated.filter((d) => d.type === 'lab_result')).map((t) => ({
        ...t,
        band: wireBand(t.band),
      })),
    };
  }
}
