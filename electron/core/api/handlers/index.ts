// Every channel's handler: one line per domain. HandlerMap makes a missing
// handler a compile error.
import type { HandlerMap } from '../handler-types';
import { adminHandlers } from './admin-handlers';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backup-handlers';
import { billingHandlers } from './billing-handlers';
import { patientsHandlers } from './patients-handlers';
import { recordsHandlers } from './records-handlers';
import { schedulingHandlers } from './scheduling-handlers';
import { sessionHandlers } from './session-handlers';
import { syncHandlers } from './sync-handlers';
import { messagesHandlers } from './messages-handlers';
import { chartExportsHandlers } from './chart-exports-handlers';
import { workstationsHandlers } from './workstations-handlers';
import { sensitivePatientsHandlers } from './sensitive-patients-handlers';
import { attachmentsHandlers } from './attachments-handlers';

export const handlers: HandlerMap = {
  ...sessionHandlers,
  ...syncHandlers,
  ...patientsHandlers,
  ...schedulingHandlers,
  ...adminHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...recordsHandlers,
  ...messagesHandlers,
  ...billingHandlers,
  ...chartExportsHandlers,
  ...workstationsHandlers,
  ...sensitivePatientsHandlers,
  ...attachmentsHandlers,
};
