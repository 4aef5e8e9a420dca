// Sensitive patients ("break the glass"): admins and doctors mark a patient as
// a staff member, VIP or protected person; anyone then opening that patient's
// details or chart states a reason first. The reason is audited (encrypted, as
// it is free text), opens the patient for the rest of that session, and admins
// with the audit permission see every such access.
import { z } from 'zod';
import { channel } from './contract';
import { Sensitivity } from '../domain/enums';
import { Id, UtcTimestamp } from '../domain/primitives';

export const BREAK_GLASS_REASON_MIN = 5;
export const BREAK_GLASS_REASON_MAX = 200;

export const BreakGlassReason = z
  .string()
  .trim()
  .min(BREAK_GLASS_REASON_MIN, `give a reason of at least ${BREAK_GLASS_REASON_MIN} characters`)
  .max(BREAK_GLASS_REASON_MAX, `keep the reason under ${BREAK_GLASS_REASON_MAX} characters`);

/** Whether this session may open a patient now, before anything of theirs is fetched. */
export const PatientAccess = z.object({
  sensitivity: Sensitivity,
  /** True when not sensitive, or a reason was given for them in this session. */
  open: z.boolean(),
});
export type PatientAccess = z.infer<typeof PatientAccess>;

/** One break-the-glass access, for the admin's list. */
export const BreakGlassEntry = z.object({
  id: Id,
  at: UtcTimestamp,
  userId: Id.nullable(),
  userName: z.string(),
  patientId: Id,
  patientName: z.string(),
  medicalRecordNumber: z.string(),
  reason: z.string(),
  deviceId: Id,
  workstationName: z.string(),
});
export type BreakGlassEntry = z.infer<typeof BreakGlassEntry>;

export const sensitivePatientChannels = {
  'patients.setSensitivity': channel(
    'patients.setSensitivity',
    z.object({ patientId: Id, sensitivity: Sensitivity }).strict(),
    z.object({ patientId: Id, sensitivity: Sensitivity }),
    'patients.set_sensitivity',
  ),
  'patients.access': channel(
    'patients.access',
    z.object({ patientId: Id }).strict(),
    PatientAccess,
    'patients.read',
  ),
  'patients.breakGlass': channel(
    'patients.breakGlass',
    z.object({ patientId: Id, reason: BreakGlassReason }).strict(),
    PatientAccess,
    'patients.read',
  ),
  'patients.breakGlassLog': channel(
    'patients.breakGlassLog',
    z
      .object({
        /** The id of the last entry of the previous page (keyset paging, newest first). */
        before: Id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ items: z.array(BreakGlassEntry), more: z.boolean() }),
    'audit.read',
  ),
} as const;
