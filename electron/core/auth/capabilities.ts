// The core's enforcement of the shared capability table (shared/auth/capabilities.ts):
// a session holds its capabilities, and a call that needs one it lacks is FORBIDDEN.
import type { Capability } from '../../../shared/auth/capabilities';
import { AppError } from '../../../shared/errors';

export { capabilitiesFor, type Capability } from '../../../shared/auth/capabilities';

export function requireCapability(held: ReadonlySet<Capability>, needed: Capability): void {
  if (!held.has(needed)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  }
}
