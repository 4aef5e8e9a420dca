// This workstation's sync state, typed: its identity with the server (the
// pinned CA, its client certificate and private key, which stay inside the
// encrypted store), how far it has pulled, and what the last round found.
// The one place that names the `sync:*` rows of local_meta.
import type { WritableDB } from './db-handles';
import { deleteMetaRows, readMetaRow, writeMetaRow, type MetaRowKey } from './local-meta';

/** A device's audit chain tip as the server reported it (the shape of the protocol's AuditTip). */
export interface StoredAuditTip {
  deviceId: string;
  deviceSeq: number;
  hash: string;
}

const isTip = (t: unknown): t is StoredAuditTip =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as StoredAuditTip).deviceId === 'string' &&
  Number.isInteger((t as StoredAuditTip).deviceSeq) &&
  typeof (t as StoredAuditTip).hash === 'string';

export interface SyncIdentity {
  serverUrl: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

const KEYS = {
  serverUrl: 'sync:serverUrl',
  caPem: 'sync:caPem',
  certPem: 'sync:certPem',
  keyPem: 'sync:keyPem',
  cursor: 'sync:cursor',
  lastSyncAt: 'sync:lastSyncAt',
  clockOffsetMs: 'sync:clockOffsetMs',
  clockWarning: 'sync:clockWarning',
  bootstrapped: 'sync:bootstrapped',
  deviceName: 'sync:deviceName',
  /** Highest deviceSeq of this device's audit entries the server has stored. */
  auditPushedSeq: 'sync:auditPushedSeq',
  /** Every device's chain tip as the server last reported it (JSON of AuditTip[]). */
  auditTips: 'sync:auditTips',
  /** Plain words about audit entries missing against those tips, or empty. */
  auditWarning: 'sync:auditWarning',
  /** Set by a restore: how far this device's own chain went in the backup, until the next bootstrap adopts the rest. */
  restoredAuditTip: 'sync:restoredAuditTip',
} as const satisfies Record<string, MetaRowKey>;

export interface SyncState {
  identity(): SyncIdentity | null;
  saveIdentity(id: SyncIdentity): void;
  /** Server sequence up to which this workstation has merged everything. */
  cursor: number;
  lastSyncAt: string | null;
  clockOffsetMs: number;
  /** Plain words about a clock problem found by the last round, or null. */
  clockWarning: string | null;
  /** Whether this workstation holds the whole clinic (first one, or snapshot downloaded). */
  bootstrapped: boolean;
  /** The name given when joining, used for this device's row once the clinic has arrived. */
  deviceName: string | null;
  auditPushedSeq: number;
  /** The chain tips the server returned with the last complete pull (null before one, or from a server that sends none). */
  auditTips: StoredAuditTip[] | null;
  /** What the last round's tip cross-check found wrong, or null. */
  auditWarning: string | null;
  /** This device's chain tip in a restored backup, until the bootstrap after the restore (else null). */
  restoredAuditTip: number | null;
  /** Forgets the server (identity and progress), e.g. after a failed join. */
  clear(): void;
}

export function syncState(db: WritableDB): SyncState {
  const get = (k: keyof typeof KEYS) => readMetaRow(db, KEYS[k]);
  const set = (k: keyof typeof KEYS, v: string) => writeMetaRow(db, KEYS[k], v);
  return {
    identity() {
      const [serverUrl, caPem, certPem, keyPem] = [
        get('serverUrl'),
        get('caPem'),
        get('certPem'),
        get('keyPem'),
      ];
      return serverUrl && caPem && certPem && keyPem ? { serverUrl, caPem, certPem, keyPem } : null;
    },
    saveIdentity(id) {
      set('serverUrl', id.serverUrl);
      set('caPem', id.caPem);
      set('certPem', id.certPem);
      set('keyPem', id.keyPem);
    },
    get cursor() {
      return Number(get('cursor') ?? '0');
    },
    set cursor(v) {
      set('cursor', String(v));
    },
    get lastSyncAt() {
      return get('lastSyncAt');
    },
    set lastSyncAt(v) {
      if (v !== null) set('lastSyncAt', v);
    },
    get clockOffsetMs() {
      return Number(get('clockOffsetMs') ?? '0');
    },
    set clockOffsetMs(v) {
      set('clockOffsetMs', String(v));
    },
    get clockWarning() {
      return get('clockWarning') || null;
    },
    set clockWarning(v) {
      set('clockWarning', v ?? '');
    },
    get bootstrapped() {
      return get('bootstrapped') === '1';
    },
    set bootstrapped(v) {
      set('bootstrapped', v ? '1' : '0');
    },
    get deviceName() {
      return get('deviceName');
    },
    set deviceName(v) {
      if (v !== null) set('deviceName', v);
    },
    get auditPushedSeq() {
      return Number(get('auditPushedSeq') ?? '0');
    },
    set auditPushedSeq(v) {
      set('auditPushedSeq', String(v));
    },
    get auditTips() {
      const raw = get('auditTips');
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) && parsed.every(isTip) ? parsed : null;
    },
    set auditTips(v) {
      set('auditTips', v ? JSON.stringify(v) : '');
    },
    get auditWarning() {
      return get('auditWarning') || null;
    },
    set auditWarning(v) {
      set('auditWarning', v ?? '');
    },
    get restoredAuditTip() {
      const raw = get('restoredAuditTip');
      return raw ? Number(raw) : null;
    },
    set restoredAuditTip(v) {
      set('restoredAuditTip', v === null ? '' : String(v));
    },
    clear: () => deleteMetaRows(db, Object.values(KEYS)),
  };
}
