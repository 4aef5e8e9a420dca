// After a new workstation's first download, it adds its own row to the
// clinic's devices, with a number series no other workstation uses, before it
// issues any medical record or invoice number. (The first workstation wrote
// its row when the clinic was created.)
import type { ClinicStore } from '../clinic/clinic-store';
import { newSeriesCode } from '../clinic/clinic-store';

export function registerThisDevice(store: ClinicStore): void {
  const tenantId = store.tenantId;
  if (!tenantId) return;
  if (store.read.prepare('SELECT 1 FROM devices WHERE id = ?').get(store.deviceId)) return;
  const taken = new Set(
    (
      store.read.prepare('SELECT seriesCode FROM devices').all() as { seriesCode: string | null }[]
    ).map((r) => r.seriesCode),
  );
  store.transaction(() => {
    let code = store.seriesCode;
    while (taken.has(code)) code = newSeriesCode();
    store.meta.set('seriesCode', code);
    store.write(
      { tenantId, userId: null, deviceId: store.deviceId },
      {
        kind: 'create',
        table: 'devices',
        id: store.deviceId,
        values: {
          name: store.sync.deviceName ?? 'Workstation',
          seriesCode: code,
          revokedAt: null,
        },
      },
    );
  });
}
