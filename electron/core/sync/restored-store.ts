// A store restored from a backup keeps its workstation's identity, but the
// workstation may have gone on syncing after the backup was taken: the server
// then holds this device's later changes, audit entries and numbers, which a
// pull never sends back (no echo). Left alone, the restored workstation would
// miss its own later work, fork its audit chain (entry N+1 written twice, with
// different content) and reissue medical record and invoice numbers.
//
// So a restore of a connected store (1) remembers how far its own chain went,
// (2) asks for a fresh bootstrap, which brings every device's cells, this
// one's included, and (3) takes a new number series, so numbers issued before
// the next sync never repeat ones issued after the backup. At that bootstrap,
// the server's copy of this device's later entries is adopted (each checked,
// as every pulled entry is) and the entries written since the restore, which
// never left this computer, are re-linked after them.
import type { AuditLog } from '../../../shared/domain/audit-log';
import { GENESIS_HASH } from '../../../shared/domain/audit-log';
import { AppError } from '../../../shared/errors';
import { hashAudit } from '../audit/audit-writer';
import { newSeriesCode, type ClinicStore } from '../clinic/clinic-store';
import { writableDb } from '../clinic/writable-db';

const OWN_TIP = 'SELECT deviceSeq, hash FROM audit_logs WHERE deviceId = ? AND deviceSeq = ?';

/** Called right after a backup was restored, before anything else is written. */
export function prepareRestoredStore(store: ClinicStore): void {
  const tenantId = store.tenantId;
  if (!tenantId || !store.sync.identity()) return;
  const db = writableDb(store);
  const tip = db
    .prepare('SELECT coalesce(max(deviceSeq), 0) AS n FROM audit_logs WHERE deviceId = ?')
    .get(store.deviceId) as { n: number };
  const taken = new Set(
    (db.prepare('SELECT seriesCode FROM devices').all() as { seriesCode: string | null }[]).map(
      (r) => r.seriesCode,
    ),
  );
  store.transaction(() => {
    store.sync.restoredAuditTip = tip.n;
    store.sync.bootstrapped = false;
    let code = newSeriesCode();
    while (taken.has(code)) code = newSeriesCode();
    store.meta.set('seriesCode', code);
    if (db.prepare('SELECT 1 FROM devices WHERE id = ?').get(store.deviceId)) {
      store.write(
        { tenantId, userId: null, deviceId: store.deviceId },
        { kind: 'update', table: 'devices', id: store.deviceId, values: { seriesCode: code } },
      );
    }
  });
}

const refuse = (what: string): never => {
  throw new AppError(
    'INTEGRITY_FAILED',
    `The sync server's copy of this workstation's audit history does not continue the restored backup (${what}). Nothing was changed; tell your administrator.`,
  );
};

/**
 * At the bootstrap after a restore: `remote` is every entry of this device the
 * server sent. Those up to the restored tip must be the ones here; the later
 * ones are inserted in order, each linked and hashed, and the entries written
 * since the restore (never pushed) are moved after them with new links.
 */
export function adoptOwnHistory(store: ClinicStore, remote: readonly AuditLog[]): void {
  const restoredTip = store.sync.restoredAuditTip;
  if (restoredTip === null) return;
  const db = writableDb(store);
  const own = [...remote]
    .filter((e) => e.deviceId === store.deviceId && e.tenantId === store.tenantId)
    .sort((a, b) => a.deviceSeq - b.deviceSeq);
  const at = db.prepare(OWN_TIP);
  store.transaction(() => {
    const later = own.filter((e) => e.deviceSeq > restoredTip);
    for (const e of own.filter((x) => x.deviceSeq <= restoredTip)) {
      const here = at.get(store.deviceId, e.deviceSeq) as { hash: string } | undefined;
      if (here && here.hash !== e.hash) refuse(`entry ${e.deviceSeq} differs`);
    }
    const local = db
      .prepare(
        'SELECT id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail FROM audit_logs WHERE deviceId = ? AND deviceSeq > ? ORDER BY deviceSeq',
      )
      .all(store.deviceId, restoredTip) as AuditLog[];
    const shift = later.length;
    // Move the local entries out of the way first (highest first: deviceSeq is unique).
    const move = db.prepare('UPDATE audit_logs SET deviceSeq = ? WHERE id = ?');
    for (const e of [...local].reverse()) move.run(e.deviceSeq + shift, e.id);
    let prev = (at.get(store.deviceId, restoredTip) as { hash: string } | undefined)?.hash;
    if (restoredTip === 0) prev = GENESIS_HASH;
    if (prev === undefined) return refuse(`entry ${restoredTip} is missing here`);
    const insert = db.prepare(
      `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail, pushed)
       VALUES (@id, @tenantId, @userId, @action, @tableAffected, @recordId, @timestamp, @deviceId, @deviceSeq, @prevHash, @hash, @detail, 1)`,
    );
    let seq = restoredTip;
    for (const e of later) {
      const { hash, ...content } = e;
      if (e.deviceSeq !== seq + 1) refuse(`entry ${seq + 1} is missing`);
      if (e.prevHash !== prev || hashAudit(content) !== hash) refuse(`entry ${e.deviceSeq}`);
      insert.run(e);
      prev = hash;
      seq = e.deviceSeq;
    }
    const relink = db.prepare('UPDATE audit_logs SET prevHash = ?, hash = ? WHERE id = ?');
    for (const { hash: _stale, ...e } of local) {
      const hash = hashAudit({ ...e, deviceSeq: e.deviceSeq + shift, prevHash: prev });
      relink.run(prev, hash, e.id);
      prev = hash;
    }
    // The server holds this device's chain up to its last entry it sent (which may be before the restored tip).
    store.sync.auditPushedSeq = own.at(-1)?.deviceSeq ?? 0;
    store.sync.restoredAuditTip = null;
  });
}
