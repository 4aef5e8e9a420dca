// A logged-in user on this workstation, and the actor every write is attributed to.
import type { Permission } from '../../../shared/domain/enums';
import type { PublicUser } from '../../../shared/domain/user';
import type { Actor } from '../audit/audit-writer';
import { requireCapability, type Capability } from '../auth/capabilities';

export interface Session {
  readonly user: PublicUser;
  readonly permissions: readonly Permission[];
  readonly capabilities: ReadonlySet<Capability>;
  readonly actor: Actor;
  /**
   * Sensitive patients this session stated a reason for (patients.breakGlass):
   * open until the session ends. Never stored; logging out drops the session,
   * and locking clears it, so unlocking asks again.
   */
  readonly breakGlass: Set<string>;
}

export const requireCap = (session: Session, cap: Capability): void =>
  requireCapability(session.capabilities, cap);
