// What each sensitivity is called on screen.
import type { Sensitivity } from '../../../../shared/domain/enums';

export const sensitivityLabels: Record<Sensitivity, string> = {
  none: 'Not sensitive',
  staff: 'Staff member',
  vip: 'VIP',
  protected: 'Protected person',
};
