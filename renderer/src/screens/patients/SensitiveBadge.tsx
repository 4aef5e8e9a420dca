// "Sensitive" beside a patient's name: opening them asks everyone for a reason.
import type { Sensitivity } from '../../../../shared/domain/enums';
import { sensitivityLabels } from './sensitivity-labels';

export function SensitiveBadge({ sensitivity }: { sensitivity: Sensitivity }) {
  if (sensitivity === 'none') return null;
  return (
    <span className="badge badge--sensitive">
      Sensitive <span className="badge__detail">({sensitivityLabels[sensitivity]})</span>
    </span>
  );
}
