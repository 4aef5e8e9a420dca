import { z } from 'zod';
import { Id, UtcTimestamp, rowBase } from './primitives';
import { AppointmentStatus } from './enums';

export const Appointment = z.object({
  ...rowBase,
  doctorId: Id,
  patientId: Id,
  /** Start instant in UTC. */
  scheduledAt: UtcTimestamp,
  durationMinutes: z.number().int().min(5).max(480),
  status: AppointmentStatus,
  notes: z.string().max(2000),
  /** Set when cancelled. */
  cancelReason: z.string().max(500).nullable(),
  /** Set when booked outside free slots on purpose; such bookings are audited. */
  overbookReason: z.string().max(500).nullable(),
});
export type Appointment = z.infer<typeof Appointment>;
