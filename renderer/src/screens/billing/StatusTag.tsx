// An invoice's derived status as a pill.
import type { DerivedStatus } from '../../../../shared/billing';
import { statusWords } from './billing-model';

export function StatusTag({ status }: { status: DerivedStatus }) {
  return <span className={`status-pill bill--${status}`}>{statusWords(status)}</span>;
}
