// audit.*: Admin → Audit log, one line per channel.
import type { HandlerMap } from '../handler-types';

type AuditChannels =
  'audit.search' | 'audit.chainStatus' | 'audit.exportCsv' | 'audit.filterOptions';

export const auditHandlers: HandlerMap<AuditChannels> = {
  'audit.search': (r, { session, services }) => services.audit.search(session, r),
  'audit.chainStatus': (_r, { session, services }) => services.audit.chainStatus(session),
  'audit.exportCsv': (r, { session, services }) => services.audit.exportCsv(session, r),
  'audit.filterOptions': (_r, { session, services }) => services.audit.filterOptions(session),
};
