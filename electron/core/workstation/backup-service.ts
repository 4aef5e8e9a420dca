// Admin → Backups: a backup of this workstation's store, one encrypted file as
// `ehrbs backup` writes it, with the store key wrapped by the passphrase the
// admin chose (never stored); the backups on this workstation; automatic daily
// backups; a one-time download link for the browser host. Audited like the CLI's.
import { accessSync, constants, mkdirSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ApiRequest, ChannelInput } from '../../../shared/api/channels';
import type { BackupInfo, BackupStatus } from '../../../shared/api/backups';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../audit/audit-writer';
import {
  AUTO_PREFIX,
  BACKUP_SUFFIX,
  autoBackupDue,
  backupFileName,
  nextScheduled,
  pruneAutoBackups,
} from '../backup/auto-backup';
import { readBackupHeader, type BackupHeader } from '../backup/backup-file';
import { writeBackup } from '../backup/write-backup';
import { snapshotInWorker } from '../backup/snapshot-worker';
import type { ClinicStore } from '../clinic/clinic-store';
import { checkNewFile } from '../files/output-file';
import { PassphraseKeyWrapper } from '../keys/passphrase-wrapper';
import { requireCap, type Session } from '../services/session';
import { storePaths } from '../store/paths';
import { readWrappedKey } from '../store/wrapped-key-file';
import type { Workstation } from './workstation';

const STALE_MS = 7 * 86_400_000;
/** How often the automatic backups look at the clock while the app runs. */
const CHECK_MS = 60_000;

export class BackupService {
  private running: Promise<unknown> | null = null;

  constructor(private readonly ws: Workstation) {
    const timer = setInterval(() => void this.tick().catch(() => undefined), CHECK_MS);
    timer.unref();
    ws.onClose(() => clearInterval(timer));
  }

  private get dir(): string {
    return join(this.ws.dataDir, 'backups');
  }

  /** The store key wrapped by a backup passphrase: what every backup file carries. */
  private async keyFileFor(passphrase: string): Promise<BackupHeader['keyFile']> {
    const rawKey = await readWrappedKey(storePaths(this.ws.dataDir).wrappedKey, this.ws.keyWrapper);
    try {
      const wrapped = await new PassphraseKeyWrapper(passphrase).wrap(rawKey);
      return { format: 1, wrapper: 'scrypt', wrapped: wrapped.toString('base64') };
    } finally {
      rawKey.fill(0);
    }
  }

  /** One backup into `dir`; one at a time (a manual one waits for an automatic one). */
  private async write(
    store: ClinicStore,
    dir: string,
    prefix: string,
    keyFile: BackupHeader['keyFile'],
    actor: Actor,
    detail: string,
  ): Promise<BackupInfo> {
    while (this.running) await this.running.catch(() => undefined);
    const job = (async () => {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const createdAt = store.nowIso();
      const fileName = backupFileName(prefix, createdAt);
      const out = checkNewFile(join(dir, fileName));
      const paths = storePaths(this.ws.dataDir);
      const rawKey = await readWrappedKey(paths.wrappedKey, this.ws.keyWrapper);
      try {
        await writeBackup(store, out, keyFile, undefined, (snapshot) =>
          snapshotInWorker(paths.database, rawKey, snapshot),
        );
      } finally {
        rawKey.fill(0);
      }
      store.audit(actor, 'backup', 'tenants', actor.tenantId, detail);
      const info = { fileName, path: out, bytes: statSync(out).size, createdAt };
      this.ws.settings.set('lastBackup', { at: createdAt, bytes: info.bytes, path: out });
      return info;
    })();
    this.running = job;
    try {
      return await job;
    } finally {
      this.running = null;
    }
  }

  async run(session: Session, r: ApiRequest<'backups.run'>): Promise<BackupInfo> {
    requireCap(session, 'backup.run');
    const store = this.ws.requireStore();
    return this.write(
      store,
      this.dir,
      'clinic-',
      await this.keyFileFor(r.passphrase),
      session.actor,
      'encrypted backup from Admin',
    );
  }

  private folders(): string[] {
    const auto = this.ws.settings.get('autoBackup')?.folder;
    return auto && resolve(auto) !== resolve(this.dir) ? [this.dir, auto] : [this.dir];
  }

  private found(): BackupInfo[] {
    const out: BackupInfo[] = [];
    for (const dir of this.folders()) {
      let names: string[];
      try {
        names = readdirSync(dir).filter((n) => n.endsWith(BACKUP_SUFFIX));
      } catch {
        continue;
      }
      for (const fileName of names) {
        const path = join(dir, fileName);
        try {
          const { header } = readBackupHeader(path);
          out.push({ fileName, path, bytes: statSync(path).size, createdAt: header.createdAt });
        } catch {
          // A damaged or foreign file is not offered as a backup.
        }
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The backups in DATA/backups/ and the automatic backups' folder, newest first. */
  list(session: Session): BackupInfo[] {
    requireCap(session, 'backup.run');
    return this.found();
  }

  private timeZone(store: ClinicStore): string {
    const tenantId = store.tenantId;
    if (!tenantId) throw new AppError('STORE_MISSING', 'This workstation has no clinic yet.');
    return this.ws.services().repos.tenants.get(tenantId, tenantId).timeZone;
  }

  status(session: Session): BackupStatus {
    requireCap(session, 'backup.run');
    const store = this.ws.requireStore();
    const last = this.ws.settings.get('lastBackup');
    const tenantId = session.actor.tenantId;
    const since = last?.at ?? this.ws.services().repos.tenants.get(tenantId, tenantId).createdAt;
    const now = this.ws.now();
    const auto = this.ws.settings.get('autoBackup');
    return {
      last: last ? { at: last.at, bytes: last.bytes } : null,
      stale: now - Date.parse(since) > STALE_MS,
      auto: auto
        ? {
            time: auto.time,
            keep: auto.keep,
            folder: auto.folder,
            lastRunAt: auto.lastRunAt,
            lastError: auto.lastError,
            nextAt: new Date(nextScheduled(now, auto.time, this.timeZone(store))).toISOString(),
          }
        : null,
    };
  }

  async configureAuto(
    session: Session,
    r: ChannelInput<'backups.configureAuto'>,
  ): Promise<BackupStatus> {
    requireCap(session, 'backup.run');
    const store = this.ws.requireStore();
    if (!r.enabled) {
      this.ws.settings.set('autoBackup', null);
      store.audit(
        session.actor,
        'update',
        'tenants',
        session.actor.tenantId,
        'automatic backups off',
      );
      return this.status(session);
    }
    if (r.folder !== '' && !isAbsolute(r.folder))
      throw new AppError(
        'VALIDATION_FAILED',
        'Give the folder as a full path (from the drive or /).',
        [{ path: 'folder', message: 'a full path, such as /backups/clinic' }],
      );
    const folder = r.folder === '' ? this.dir : resolve(r.folder);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      accessSync(folder, constants.W_OK);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'That folder cannot be created or written to.', [
        { path: 'folder', message: 'a folder this app can write to' },
      ]);
    }
    this.ws.settings.set('autoBackup', {
      time: r.time,
      keep: r.keep,
      folder,
      keyFile: await this.keyFileFor(r.passphrase),
      enabledAt: new Date(this.ws.now()).toISOString(),
      lastRunAt: null,
      lastError: null,
    });
    store.audit(session.actor, 'update', 'tenants', session.actor.tenantId, 'automatic backups on');
    return this.status(session);
  }

  /** Runs the automatic backup when its time has come; null when nothing was due. */
  async tick(): Promise<BackupInfo | null> {
    const store = this.ws.store;
    const auto = this.ws.settings.get('autoBackup');
    if (!store?.tenantId || !auto || this.running) return null;
    const now = this.ws.now();
    if (!autoBackupDue(auto, now, this.timeZone(store))) return null;
    const actor = { tenantId: store.tenantId, userId: null, deviceId: store.deviceId };
    try {
      const info = await this.write(
        store,
        auto.folder,
        AUTO_PREFIX,
        auto.keyFile,
        actor,
        'automatic encrypted backup',
      );
      pruneAutoBackups(auto.folder, auto.keep);
      this.ws.settings.set('autoBackup', { ...auto, lastRunAt: info.createdAt, lastError: null });
      return info;
    } catch (e) {
      // Tried again at the next check; Admin shows why it failed (no patient data in it).
      const message =
        e instanceof AppError ? e.message : 'The automatic backup could not be written.';
      this.ws.settings.set('autoBackup', { ...auto, lastError: message });
      return null;
    }
  }

  /** Desktop: a copy of a listed backup is about to be saved where the user chose (audited as an export). */
  copied(session: Session, r: ChannelInput<'backups.copied'>): { ok: true } {
    requireCap(session, 'backup.run');
    const store = this.ws.requireStore();
    if (!this.found().some((b) => b.fileName === r.fileName))
      throw new AppError('NOT_FOUND', 'There is no such backup on this workstation.');
    // Where it went is not recorded: a folder name could say anything.
    store.audit(
      session.actor,
      'export',
      'tenants',
      session.actor.tenantId,
      'backup saved as a copy',
    );
    return { ok: true };
  }

  /** A one-time link for the browser host; the file must be one listed here. */
  download(session: Session, r: ChannelInput<'backups.download'>): { url: string } {
    requireCap(session, 'backup.run');
    const store = this.ws.requireStore();
    const file = this.found().find((b) => b.fileName === r.fileName);
    if (!file) throw new AppError('NOT_FOUND', 'There is no such backup on this workstation.');
    store.audit(session.actor, 'export', 'tenants', session.actor.tenantId, 'backup downloaded');
    return {
      url: `/download/${this.ws.downloads.issue({ path: file.path, fileName: file.fileName })}`,
    };
  }
}
