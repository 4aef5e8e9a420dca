// Runs one change to an appointment through the core and puts the answer in
// the store; keeps the core's message (and whether it was a clash) on refusal.
import { useCallback, useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { ApiError, errorMessage } from '../../api/client';
import { useSchedule } from '../../stores/schedule-store';

export interface ActionFailure {
  message: string;
  slotTaken: boolean;
}

export function useAppointmentAction(onDone?: (a: AppointmentView) => void) {
  const applyChange = useSchedule((s) => s.applyChange);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const run = useCallback(
    async (call: () => Promise<AppointmentView>): Promise<boolean> => {
      setBusy(true);
      setFailure(null);
      try {
        const changed = await call();
        applyChange(changed);
        onDone?.(changed);
        return true;
      } catch (e) {
        setFailure({
          message: errorMessage(e),
          slotTaken: e instanceof ApiError && e.code === 'SLOT_TAKEN',
        });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [applyChange, onDone],
  );
  return { busy, failure, run };
}
