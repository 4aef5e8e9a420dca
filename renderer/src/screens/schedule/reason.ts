// A reason (for cancelling, for overbooking): the core's own rule, in the
// words the forms use for it.
import { schedulingChannels } from '../../../../shared/api/scheduling';

/** Just the reason of the cancel request: the same rule overbooking has. */
export const ReasonRequest = schedulingChannels['appointments.cancel'].request.pick({
  reason: true,
});

export const reasonMessages = { reason: 'Give a reason (at least 3 characters)' } as const;
