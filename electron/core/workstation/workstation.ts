// The core's mutable state for one workstation: the open store (none before
// first run), the services over it, who is logged in and whether the session
// is locked, and background sync. `requireSession` is where "locked" and "not
// logged in" are enforced for every channel that needs a session.
import { AppError } from '../../../shared/errors';
import { ClinicStore } from '../clinic/clinic-store';
import type { KeyWrapper } from '../keys/key-wrapper';
import { servicesFor, type Services } from '../services/services';
import type { Session } from '../services/session';
import type { SettingsStore } from '../settings/settings-store';
import { SyncScheduler } from '../sync/sync-scheduler';

export class Workstation {
  private opened: { store: ClinicStore; services: Services } | null = null;
  session: Session | null = null;
  locked = false;
  /** Background sync, once this workstation is connected to a server. */
  scheduler: SyncScheduler | null = null;

  constructor(
    readonly dataDir: string,
    readonly keyWrapper: KeyWrapper,
    readonly settings: SettingsStore,
    readonly now: () => number,
  ) {}

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

  requireSession(): { session: Session; services: Services } {
    const services = this.services();
    if (!this.session) throw new AppError('UNAUTHENTICATED', 'Please log in.');
    if (this.locked)
      throw new AppError('LOCKED', 'The session is locked. Enter your password to continue.');
    return { session: this.session, services };
  }

  close(): void {
    this.scheduler?.stop();
    this.opened?.store.close();
    this.opened = null;
    this.session = null;
  }
}
