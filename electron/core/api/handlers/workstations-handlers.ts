// workstations.*: Admin → Sync → Workstations, one line per channel.
import type { HandlerMap } from '../handler-types';

export const workstationsHandlers: HandlerMap<
  'workstations.list' | 'workstations.rename' | 'workstations.revoke'
> = {
  'workstations.list': (_r, { session, workstation }) => workstation.workstations.list(session),
  'workstations.rename': (r, { session, workstation }) =>
    workstation.workstations.rename(session, r),
  'workstations.revoke': (r, { session, workstation }) =>
    workstation.workstations.revoke(session, r),
};
