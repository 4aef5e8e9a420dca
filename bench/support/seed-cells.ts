// Seeds the sync server with a clinic's worth of patient cells as if the
// clinic's first workstation had pushed them: real values encrypted end to end
// with that workstation's clinic key and stamped with its HLCs, written
// through the server store's own push (the same transaction code as
// POST /v1/push, without HTTP and its 2,000-change batch limit).
import { randomUUID } from 'node:crypto';
import type { Change } from '../../shared/sync/protocol';
import { formatHlc } from '../../shared/sync/hlc';
import { demoPatient } from '../../electron/core/demo/demo-patients';
import { seededPrng } from '../../electron/core/demo/prng';
import type { ClinicStore } from '../../electron/core/clinic/clinic-store';
import { sealChange } from '../../electron/core/sync/value-crypto';
import type { SyncStore } from '../../sync-server/src/store/types';

const BATCH = 2_000;
/** The HLC counter has 4 hex digits: move the millisecond on well before it runs out. */
const PER_MILLI = 50_000;

/** One patient row as the write path would store it (all columns but `id`, which keys the changes). */
function patientCells(
  tenantId: string,
  n: number,
  rng: ReturnType<typeof seededPrng>,
  now: string,
) {
  const input = demoPatient(rng, new Date(now));
  return {
    ...input,
    tenantId,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    userId: null,
    medicalRecordNumber: `SEED-${String(n).padStart(7, '0')}`,
    mergedInto: null,
    sensitivity: null,
  };
}

/** Cells one seeded patient has (every column the write path stores but `id`). */
export const seededCellsPerPatient = (): number =>
  Object.keys(patientCells('t', 1, seededPrng(1), new Date().toISOString())).length;

/** Pushes `patients` patients (one sealed change per patient, as protocol 3 does) straight into the server store; returns the cells written. */
export async function seedPatientCells(
  server: SyncStore,
  a: ClinicStore,
  patients: number,
): Promise<number> {
  const tenantId = a.tenantId;
  if (!tenantId) throw new Error('seedPatientCells: the workstation has no clinic');
  const rng = seededPrng(1);
  const base = Date.now() - 60_000;
  const now = new Date(base).toISOString();
  let tick = 0;
  let batch: Change[] = [];
  let cells = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await server.push({
      tenantId,
      deviceId: a.deviceId,
      batchId: randomUUID(),
      changes: batch,
      audit: [],
      now: new Date().toISOString(),
    });
    cells += batch.reduce((sum, c) => sum + c.columns.length, 0);
    batch = [];
  };
  for (let n = 1; n <= patients; n++) {
    const rowId = randomUUID();
    const entries = Object.entries(patientCells(tenantId, n, rng, now));
    const hlc = formatHlc({
      millis: base + Math.floor(tick / PER_MILLI),
      counter: tick % PER_MILLI,
      deviceId: a.deviceId,
    });
    tick++;
    const address = { table: 'patients' as const, rowId, columns: entries.map(([c]) => c), hlc };
    const values = entries.map(([, v]) => v);
    batch.push({ ...address, value: sealChange(a.keyring, tenantId, address, values) });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return cells;
}
