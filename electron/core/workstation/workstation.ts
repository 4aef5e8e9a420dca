// The core's mutable state for one workstation: the open store (none before
// first run), the services over it, who is logged in and whether the session
// is locked, and background sync. `requireSession` is where "locked" and "not
// logged in" are enforced for every channel that needs a session.
import { AppError } from '../../../shared/errors';
import { ClinicStore } from '../clinic/clinic-store';
import { DownloadTokens } from '../files/download-tokens';
import type { KeyWrapper } from '../keys/key-wrapper';
import { servicesFor, type Services } from '../services/services';
import type { Session } from '../services/session';
import type { SettingsStore } from '../settings/settings-store';
import { SyncScheduler } from '../sync/sync-scheduler';

export class Workstation {
  private opened: { store: ClinicStore; services: Services } | null = null;
  session: Session | null = null;
  locked = false;
  /** When the user last did something (the renderer reports activity; login and unlock count). */
  private lastActivity = 0;
  /** Background sync, once this workstation is connected to a server. */
  scheduler: SyncScheduler | null = null;
  /** One-time download links the browser host serves (backups). */
  readonly downloads: DownloadTokens;

  constructor(
    readonly dataDir: string,
    readonly keyWrapper: KeyWrapper,
    readonly settings: SettingsStore,
    readonly now: () => number,
  ) {
    this.downloads = new DownloadTokens(now);
  }

  attach(store: ClinicStore): void {
    this.opened = { store, services: servicesFor(store) };
    this.startSync();
  }

  startSync(): void {
    const store = this.opened?.store;
    if (!store?.tenantId || this.scheduler?.state.connected) return;
    this.scheduler?.stop();
    this.scheduler = new SyncScheduler(store);
    this.scheduler.start();
  }

  get store(): ClinicStore | null {
    return this.opened?.store ?? null;
  }

  requireStore(): ClinicStore {
    if (!this.opened) throw new AppError('STORE_MISSING', 'No EHRBS store is open.');
    return this.opened.store;
  }

  /** The store, creating an empty one on first run. */
  async ensureStore(): Promise<ClinicStore> {
    if (!this.opened)
      this.attach(await ClinicStore.create(this.dataDir, this.keyWrapper, { now: this.now }));
    return this.requireStore();
  }

  /** Services before a clinic exists (first run only). */
  rawServices(): Services {
    if (!this.opened) throw new AppError('STORE_MISSING', 'No EHRBS store is open.');
    return this.opened.services;
  }

  services(): Services {
    if (!this.opened?.store.tenantId)
      throw new AppError('UNAUTHENTICATED', 'This workstation has no clinic yet.');
    return this.opened.services;
  }

  /** Starts `session` on this workstation, unlocked and active now. */
  begin(session: Session): void {
    this.session = session;
    this.locked = false;
    this.lastActivity = this.now();
  }

  end(): void {
    this.session = null;
    this.locked = false;
  }

  /**
   * The idle lock, enforced here and not only in the page: a session idle for
   * the clinic's idle minutes is locked, so a call made later (say, from a
   * reopened tab with the old address) gets LOCKED and needs the password.
   */
  private lockIfIdle(services: Services, session: Session): void {
    if (this.locked) return;
    const tenantId = session.actor.tenantId;
    const idleMs = services.repos.tenants.get(tenantId, tenantId).idleLockMinutes * 60_000;
    if (this.now() - this.lastActivity >= idleMs) this.lock();
  }

  /** Locks the session; reasons given for sensitive patients are asked again after unlocking. */
  lock(): void {
    this.locked = true;
    this.session?.breakGlass.clear();
  }

  /** The user did something: postpones the idle lock (refused once it has locked). */
  touch(): void {
    const services = this.services();
    const session = this.session;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Please log in.');
    this.lockIfIdle(services, session);
    if (this.locked)
      throw new AppError('LOCKED', 'The session is locked. Enter your password to continue.');
    this.lastActivity = this.now();
  }

  requireSession(): { session: Session; services: Services } {
    const services = this.services();
    const session = this.session;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Please log in.');
    this.lockIfIdle(services, session);
    if (this.locked)
      throw new AppError('LOCKED', 'The session is locked. Enter your password to continue.');
    // Deactivated here or on another workstation (the flag syncs): the session ends now.
    const user = services.repos.users.find(session.actor.tenantId, session.user.id);
    if (!user?.active) {
      this.end();
      throw new AppError('UNAUTHENTICATED', 'This account has been deactivated. Please log in.');
    }
    if (user.mustChangePassword)
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
    return { session, services };
  }

  private readonly closers: (() => void)[] = [];

  /** Stops something that runs while the app runs (the automatic backups' timer). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  close(): void {
    for (const fn of this.closers.splice(0)) fn();
    this.scheduler?.stop();
    this.opened?.store.close();
    this.opened = null;
    this.session = null;
  }
}
