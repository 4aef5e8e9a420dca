// Money in the clinic's currency for the billing views.
import type { SessionInfo } from '../../../../shared/api/session';
import { formatMinorUnits } from '../admin/money';

export const moneyOf =
  (session: SessionInfo) =>
  (minor: number): string =>
    formatMinorUnits(minor, session.tenant.currency);
