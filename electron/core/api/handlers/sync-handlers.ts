// sync.*: the status area, the Conflicts view, connecting a clinic to a sync
// server and enrollment codes.
import type { HandlerMap } from '../handler-types';

type SyncChannels =
  | 'sync.status'
  | 'sync.now'
  | 'sync.conflicts'
  | 'sync.connect'
  | 'sync.enrollmentCode'
  | 'sync.cancelEnrollmentCode';

export const syncHandlers: HandlerMap<SyncChannels> = {
  'sync.status': (_r, { workstation }) => workstation.sync.status(),
  'sync.now': (_r, { workstation, session }) => workstation.sync.now(session),
  'sync.conflicts': (_r, { workstation, session }) => workstation.sync.conflicts(session),
  'sync.connect': (r, { workstation, session }) => workstation.sync.connect(session, r),
  'sync.enrollmentCode': (_r, { workstation, session }) => workstation.sync.enrollmentCode(session),
  'sync.cancelEnrollmentCode': (r, { workstation, session }) =>
    workstation.sync.cancelEnrollmentCode(session, r),
};
