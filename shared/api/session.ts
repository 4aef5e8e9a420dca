// Channels for first run, login, lock and the current session.
import { z } from 'zod';
import { channel } from './contract';
import { CurrencyCode, Email, Id, NonEmptyText, TimeZone } from '../domain/primitives';
import { Permission, Role } from '../domain/enums';
import { Capability } from '../auth/capabilities';
import { DateFormat, TimeFormat, UnitSystem } from '../domain/clinic-locale';

export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const SessionInfo = z.object({
  user: z.object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    role: Role,
    /** A temporary password: every channel but session.changePassword is refused until a new one is chosen. */
    mustChangePassword: z.boolean(),
  }),
  tenant: z.object({
    id: Id,
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    /** How every screen writes dates and times (shared/format, through the renderer's useClinicFormat). */
    dateFormat: DateFormat,
    timeFormat: TimeFormat,
    /** Units the chart's vitals are typed and shown in (shared/charting/units.ts). */
    unitSystem: UnitSystem,
    idleLockMinutes: z.number().int(),
  }),
  permissions: z.array(Permission),
  /** What this session may do (shared/auth/capabilities.ts); the renderer shows only these. */
  capabilities: z.array(Capability),
  deviceId: Id,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const AppState = z.enum(['needs_setup', 'logged_out', 'locked', 'active']);
export type AppState = z.infer<typeof AppState>;

/** What the renderer needs before anyone is logged in: which screen to show, and for whom. */
export const AppStatus = z.object({
  state: AppState,
  clinicName: z.string().nullable(),
  isDemo: z.boolean(),
  session: SessionInfo.nullable(),
  /** The last user to log in on this workstation, to prefill the login form. */
  lastUserEmail: z.string().nullable(),
  /** Who locked the workstation (state 'locked'), so the lock screen can say whose password it wants. */
  lockedUser: z.object({ displayName: z.string(), email: z.string(), role: Role }).nullable(),
  /** The demo clinic's made-up logins (only when isDemo), so they survive a reload. */
  demoLogins: z.array(z.object({ email: z.string(), role: Role, password: z.string() })).nullable(),
});
export type AppStatus = z.infer<typeof AppStatus>;

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const sessionChannels = {
  'setup.status': channel('setup.status', Empty, AppStatus, 'public'),
  'setup.createClinic': channel(
    'setup.createClinic',
    z
      .object({
        clinicName: NonEmptyText(200),
        timeZone: TimeZone,
        currency: CurrencyCode,
        adminName: NonEmptyText(200),
        adminEmail: Email,
        adminPassword: Password,
      })
      .strict(),
    SessionInfo,
    'public',
  ),
  'setup.createDemo': channel(
    'setup.createDemo',
    z.object({ patients: z.number().int().min(10).max(100_000).optional() }).strict(),
    z.object({
      logins: z.array(z.object({ email: z.string(), role: Role, password: z.string() })),
    }),
    'public',
  ),
  'session.login': channel(
    'session.login',
    z
      .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) })
      .strict(),
    SessionInfo,
    'public',
  ),
  'session.logout': channel('session.logout', Empty, Ok, 'public'),
  'session.lock': channel('session.lock', Empty, Ok, 'public'),
  /** The user is active (the page reports it, throttled): postpones the core's idle lock. */
  'session.touch': channel('session.touch', Empty, Ok, 'public'),
  'session.changePassword': channel(
    'session.changePassword',
    z
      .object({ oldPassword: z.string().min(1).max(200), newPassword: Password })
      .strict()
      .refine((r) => r.oldPassword !== r.newPassword, {
        message: 'choose a password different from the old one',
        path: ['newPassword'],
      }),
    SessionInfo,
    'public',
  ),
  'session.unlock': channel(
    'session.unlock',
    z.object({ password: z.string().min(1).max(200) }).strict(),
    SessionInfo,
    'public',
  ),
} as const;
