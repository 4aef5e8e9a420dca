// The services of the workstation itself (as opposed to the clinic data's
// domain services): first run, the session, sync, backups. Handlers of 'public'
// channels reach only these.
import { BackupService } from './backup-service';
import { SessionService } from './session-service';
import { SetupService } from './setup-service';
import { SyncService } from './sync-service';
import type { Workstation } from './workstation';
import { WorkstationsService } from './workstations-service';

export interface WorkstationServices {
  readonly session: SessionService;
  readonly setup: SetupService;
  readonly sync: SyncService;
  readonly backups: BackupService;
  readonly workstations: WorkstationsService;
}

export function workstationServices(ws: Workstation): WorkstationServices {
  const session = new SessionService(ws);
  const sync = new SyncService(ws);
  return {
    session,
    sync,
    setup: new SetupService(ws, session, sync),
    backups: new BackupService(ws),
    workstations: new WorkstationsService(ws),
  };
}
