// The app's top-level state: which of first run, login, lock or the working app
// is showing, and who is logged in. The core owns the truth; this store mirrors
// `setup.status` and updates it from the session calls' answers.
import { create } from 'zustand';
import type { ApiRequest, ApiResponse } from '../../../shared/api/channels';
import type { AppState, SessionInfo } from '../../../shared/api/session';
import { api, onSessionLost } from '../api/client';
import { flushAllBeforeLock } from './before-lock';

export type DemoLogin = ApiResponse<'setup.createDemo'>['logins'][number];
export type LockedUser = Pick<SessionInfo['user'], 'displayName' | 'email' | 'role'>;

interface SessionStore {
  /** null until the first `setup.status` answer arrives. */
  state: AppState | null;
  session: SessionInfo | null;
  /** Kept while locked, so the lock screen can say who is locked even if the core withholds it. */
  lockedUser: LockedUser | null;
  clinicName: string | null;
  isDemo: boolean;
  lastUserEmail: string | null;
  /** The demo clinic's logins (from `setup.status`, so they survive a reload). */
  demoLogins: DemoLogin[];
  refresh(): Promise<void>;
  createClinic(request: ApiRequest<'setup.createClinic'>): Promise<void>;
  createDemo(): Promise<void>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  lock(): Promise<void>;
  unlock(password: string): Promise<void>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
}

export const useSession = create<SessionStore>()((set, get) => {
  const signedIn = (session: SessionInfo) =>
    set({
      state: 'active',
      session,
      lockedUser: null,
      clinicName: session.tenant.name,
      lastUserEmail: session.user.email,
    });

  return {
    state: null,
    session: null,
    lockedUser: null,
    clinicName: null,
    isDemo: false,
    lastUserEmail: null,
    demoLogins: [],

    async refresh() {
      const status = await api('setup.status', {});
      set({
        state: status.state,
        session: status.session,
        lockedUser: status.lockedUser ?? status.session?.user ?? get().lockedUser,
        clinicName: status.clinicName,
        isDemo: status.isDemo,
        lastUserEmail: status.lastUserEmail,
        demoLogins: status.demoLogins ?? (status.isDemo ? get().demoLogins : []),
      });
    },

    async createClinic(request) {
      signedIn(await api('setup.createClinic', request));
    },

    async createDemo() {
      const { logins } = await api('setup.createDemo', {});
      set({ demoLogins: logins });
      await get().refresh();
    },

    async login(email, password) {
      signedIn(await api('session.login', { email, password }));
    },

    async logout() {
      // Drafts are saved while the session can still save them (see before-lock.ts).
      await flushAllBeforeLock();
      await api('session.logout', {});
      set({ session: null, lockedUser: null });
      await get().refresh();
    },

    async lock() {
      const user = get().session?.user ?? null;
      await flushAllBeforeLock();
      await api('session.lock', {});
      set({ state: 'locked', lockedUser: user });
    },

    async unlock(password) {
      signedIn(await api('session.unlock', { password }));
    },

    async changePassword(oldPassword, newPassword) {
      signedIn(await api('session.changePassword', { oldPassword, newPassword }));
    },
  };
});

// Only while working: on the login or lock screen a refused call is expected.
onSessionLost(() => {
  const { state, refresh } = useSession.getState();
  if (state === 'active') refresh().catch(() => undefined);
});
