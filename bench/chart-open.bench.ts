// Charting in the core, on a patient with 500 records (every type, 10 %
// allergies and problems, which the header decrypts):
//  (a) opening the chart: chart.summary + the first timeline page (25), the
//      core's part of first paint (issue 9 target for first paint: p95 <= 150 ms);
//  (b) saving the draft of a 5,000-word visit note (target: <= 20 ms per save).
// Run: node bin/run-ts.js bench/chart-open.bench.ts (or npm run bench chart-open).
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { RecordContent } from '../shared/api/records';
import type { RecordType } from '../shared/domain/enums';
import { percentile } from './support/stats';
import { clinicWorld } from '../tests/core/world';

const RECORDS = 500;
const OPENS = 40;
const SAVES = 40;

export interface ChartBenchResult {
  records: number;
  openP50Ms: number;
  openP95Ms: number;
  draftSaveP50Ms: number;
  draftSaveP95Ms: number;
}

const content = (type: RecordType, i: number): RecordContent => {
  switch (type) {
    case 'allergy':
      return { substance: `Substance ${i}`, reaction: 'Rash', severity: 'mild' };
    case 'diagnosis':
      return { code: 'I10', description: 'Essential hypertension', status: 'active' };
    case 'vitals':
      return { systolic: 120 + (i % 30), diastolic: 80, heartRate: 70 };
    default:
      return { text: `Seen today, visit ${i}. Plan discussed and agreed.` };
  }
};

export async function run(): Promise<ChartBenchResult> {
  const w = await clinicWorld();
  try {
    const doctor = w.doctorSession;
    const patientId = w.patient.id;
    const types: RecordType[] = [
      'note',
      'note',
      'vitals',
      'vitals',
      'note',
      'vitals',
      'note',
      'vitals',
      'allergy',
      'diagnosis',
    ];
    w.store.transaction(() => {
      for (let i = 0; i < RECORDS - 1; i++) {
        const recordType = types[i % types.length] ?? 'note';
        w.services.records.create(doctor, {
          patientId,
          recordType,
          content: content(recordType, i),
          recordedAt: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
        });
      }
    });
    const open: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const t0 = performance.now();
      w.services.records.chartSummary(doctor, { patientId });
      w.services.records.timeline(doctor, { patientId, after: null, limit: 25 });
      open.push(performance.now() - t0);
    }
    const words = Array.from({ length: 5000 }, (_, i) => `word${i % 97}`).join(' ');
    const save: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const t0 = performance.now();
      w.services.drafts.save(doctor, {
        patientId,
        appointmentId: w.appointment.id,
        content: { subjective: `${words} ${i}`, objective: '', assessment: '', plan: '' },
      });
      save.push(performance.now() - t0);
    }
    return {
      records: RECORDS,
      openP50Ms: percentile(open, 50),
      openP95Ms: percentile(open, 95),
      draftSaveP50Ms: percentile(save, 50),
      draftSaveP95Ms: percentile(save, 95),
    };
  } finally {
    w.close();
  }
}

export const format = (r: ChartBenchResult): string[] => [
  `chart open (summary + first 25 of ${r.records} records): p50 ${r.openP50Ms.toFixed(1)} ms, p95 ${r.openP95Ms.toFixed(1)} ms (target p95 <= 150 ms for first paint)`,
  `draft save, 5,000-word note: p50 ${r.draftSaveP50Ms.toFixed(1)} ms, p95 ${r.draftSaveP95Ms.toFixed(1)} ms (target <= 20 ms)`,
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of format(await run())) console.log(line);
}
