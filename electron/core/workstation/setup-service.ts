// First run on this workstation: create a clinic, explore the demo clinic, or
// join an existing clinic with an enrollment code. Each refuses a workstation
// that already belongs to a clinic.
import type { ChannelInput } from '../../../shared/api/channels';
import type { SessionInfo } from '../../../shared/api/session';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { AppError } from '../../../shared/errors';
import { generateDemoClinic, type DemoLogin } from '../demo/demo-clinic';
import { setUpClinic } from '../services/clinic-setup';
import { joinClinic } from '../sync/enrollment';
import { restoreBackup } from '../backup/restore-backup';
import type { SessionService } from './session-service';
import type { SyncService } from './sync-service';
import type { Workstation } from './workstation';

export class SetupService {
  constructor(
    private readonly ws: Workstation,
    private readonly sessions: SessionService,
    private readonly sync: SyncService,
  ) {}

  private requireNoClinic(): void {
    if (this.ws.store?.tenantId)
      throw new AppError('STORE_EXISTS', 'This workstation already belongs to a clinic.');
  }

  async createClinic(r: ChannelInput<'setup.createClinic'>): Promise<SessionInfo> {
    this.requireNoClinic();
    const store = await this.ws.ensureStore();
    const { adminUserId } = await setUpClinic(store, this.ws.rawServices().repos, r);
    return this.sessions.start(this.ws.services().auth.sessionFor(adminUserId));
  }

  async createDemo(r: ChannelInput<'setup.createDemo'>): Promise<{ logins: DemoLogin[] }> {
    this.requireNoClinic();
    const store = await this.ws.ensureStore();
    const { logins } = await generateDemoClinic(store, this.ws.rawServices(), {
      patients: r.patients ?? 500,
    });
    return { logins };
  }

  async joinClinic(r: ChannelInput<'setup.joinClinic'>): Promise<SyncStatus> {
    if (this.ws.store)
      throw new AppError('STORE_EXISTS', 'This workstation already has a clinic store.');
    this.ws.attach(
      await joinClinic(this.ws.dataDir, this.ws.keyWrapper, { ...r, now: this.ws.now }),
    );
    return this.sync.status();
  }

  /** First run: a backup into this still empty workstation; then the login screen. */
  async restoreBackup(
    r: ChannelInput<'setup.restoreBackup'>,
  ): Promise<{ restoredBackupOf: string }> {
    if (this.ws.store)
      throw new AppError(
        'STORE_EXISTS',
        'This workstation already holds a clinic; a backup is restored only into an empty one. Nothing was changed.',
      );
    const { store, createdAt } = await restoreBackup(
      r.path,
      this.ws.dataDir,
      r.passphrase,
      this.ws.keyWrapper,
      this.ws.now,
    );
    this.ws.attach(store);
    return { restoredBackupOf: createdAt };
  }
}
