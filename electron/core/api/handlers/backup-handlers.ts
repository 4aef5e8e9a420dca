// backups.*: Admin → Backups, one line per channel; and restoring one on first run.
import type { HandlerMap } from '../handler-types';

export const backupHandlers: HandlerMap<
  | 'backups.run'
  | 'backups.list'
  | 'backups.status'
  | 'backups.configureAuto'
  | 'backups.download'
  | 'backups.copied'
  | 'setup.restoreBackup'
> = {
  'backups.run': (r, { session, workstation }) => workstation.backups.run(session, r),
  'backups.list': (_r, { session, workstation }) => workstation.backups.list(session),
  'backups.status': (_r, { session, workstation }) => workstation.backups.status(session),
  'backups.configureAuto': (r, { session, workstation }) =>
    workstation.backups.configureAuto(session, r),
  'backups.download': (r, { session, workstation }) => workstation.backups.download(session, r),
  'backups.copied': (r, { session, workstation }) => workstation.backups.copied(session, r),
  'setup.restoreBackup': (r, { workstation }) => workstation.setup.restoreBackup(r),
};
