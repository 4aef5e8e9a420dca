// Admin → Backups: a backup of this workstation's store into DATA/backups/,
// one encrypted file as `ehrbs backup` writes it, with the store key wrapped
// by the passphrase the admin chose (never stored), and the list of backups
// there. Audited like the CLI's.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiRequest } from '../../../shared/api/channels';
import type { BackupInfo } from '../../../shared/api/backups';
import { readBackupHeader } from '../backup/backup-file';
import { writeBackup } from '../backup/write-backup';
import { checkNewFile } from '../files/output-file';
import { PassphraseKeyWrapper } from '../keys/passphrase-wrapper';
import { requireCap, type Session } from '../services/session';
import { storePaths } from '../store/paths';
import { readWrappedKey } from '../store/wrapped-key-file';
import type { Workstation } from './workstation';

const SUFFIX = '.ehrbs-backup';

export class BackupService {
  constructor(private readonly ws: Workstation) {}

  private get dir(): string {
    return join(this.ws.dataDir, 'backups');
  }

  async run(session: Session, r: ApiRequest<'backups.run'>): Promise<BackupInfo> {
    requireCap(session, 'backup.run');
    const store = this.ws.requireStore();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const createdAt = store.nowIso();
    const fileName = `clinic-${createdAt.replace(/[:.]/g, '-')}${SUFFIX}`;
    const out = checkNewFile(join(this.dir, fileName));
    const rawKey = await readWrappedKey(storePaths(this.ws.dataDir).wrappedKey, this.ws.keyWrapper);
    let wrapped: Buffer;
    try {
      wrapped = await new PassphraseKeyWrapper(r.passphrase).wrap(rawKey);
    } finally {
      rawKey.fill(0);
    }
    await writeBackup(store, out, {
      format: 1,
      wrapper: 'scrypt',
      wrapped: wrapped.toString('base64'),
    });
    store.audit(
      session.actor,
      'backup',
      'tenants',
      session.actor.tenantId,
      'encrypted backup from Admin',
    );
    return { fileName, path: out, bytes: statSync(out).size, createdAt };
  }

  /** The backups in DATA/backups/, newest first; files that are not backups are left out. */
  list(session: Session): BackupInfo[] {
    requireCap(session, 'backup.run');
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith(SUFFIX));
    } catch {
      return [];
    }
    const found: BackupInfo[] = [];
    for (const fileName of names) {
      const path = join(this.dir, fileName);
      try {
        const { header } = readBackupHeader(path);
        found.push({ fileName, path, bytes: statSync(path).size, createdAt: header.createdAt });
      } catch {
        // A damaged or foreign file is not offered as a backup.
      }
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
