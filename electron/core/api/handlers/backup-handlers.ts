// backups.*: Admin → Backups, one line per channel.
import type { HandlerMap } from '../handler-types';

export const backupHandlers: HandlerMap<'backups.run' | 'backups.list'> = {
  'backups.run': (r, { session, workstation }) => workstation.backups.run(session, r),
  'backups.list': (_r, { session, workstation }) => workstation.backups.list(session),
};
