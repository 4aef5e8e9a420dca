// The core's mutable state for one workstation: the open store (none before
// first run), the services over it, and who is logged in and whether the
// session is locked. Handlers read it through `requireSession`, which is where
// "locked" and "not logged in" are enforced for every channel.
import { AppError } from '../../../shared/errors';
import type { KeyWrapper } from '../keys/key-wrapper';
import { repositories, type Repositories } from '../repos/repositories';
import { AppointmentsService } from '../services/appointments-service';
import { AuthService } from '../services/auth-service';
import { BillingService } from '../services/billing-service';
import { MessagesService } from '../services/messages-service';
import { PatientsService } from '../services/patients-service';
import { RecordsService } from '../services/records-service';
import type { Session } from '../services/session';
import { UsersService } from '../services/users-service';
import { ScheduleService } from '../services/schedule-service';
import { ClinicSettingsService } from '../services/clinic-settings-service';
import type { SettingsStore } from '../settings/settings-store';
import { ClinicStore } from '../store/clinic-store';
import { SyncScheduler } from '../sync/sync-scheduler';

export const servicesFor = (store: ClinicStore, repos: Repositories = repositories(store)) => ({
  repos,
  auth: new AuthService(store, repos),
  users: new UsersService(store, repos),
  patients: new PatientsService(store, repos),
  records: new RecordsService(store, repos),
  messages: new MessagesService(store, repos),
  billing: new BillingService(store, repos),
  appointments: new AppointmentsService(store, repos),
  schedule: new ScheduleService(store, repos),
  clinicSettings: new ClinicSettingsService(repos),
});
export type Services = ReturnType<typeof servicesFor>;

export class CoreRuntime {
  private opened: { store: ClinicStore; services: Services } | null = null;
  session: Session | null = null;
  locked = false;

  constructor(
    readonly dataDir: string,
    readonly keyWrapper: KeyWrapper,
    readonly settings: SettingsStore,
    readonly now: () => number,
  ) {}

  /** Background sync, once this workstation is connected to a server. */
  scheduler: SyncScheduler | null = null;

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

  /** The store, creating an empty one on first run. */
  async ensureStore(): Promise<ClinicStore> {
    if (!this.opened)
      this.attach(await ClinicStore.create(this.dataDir, this.keyWrapper, { now: this.now }));
    return (this.opened as { store: ClinicStore }).store;
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
