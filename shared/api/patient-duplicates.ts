// Channels for duplicate patients: the check while registering, the admin's
// list of likely duplicate pairs (after sync too), and merging two records.
import { z } from 'zod';
import { channel } from './contract';
import { CalendarDate, Id } from '../domain/primitives';
import { Patient } from '../domain/patient';
import { PatientInput, PatientSummary } from './patients';

export const DuplicateReason = z.enum([
  'same_family_and_birth',
  'same_phone',
  'similar_name_and_birth',
]);

/** The fields of a patient an admin chooses between when merging. */
export const MergeField = z.enum([
  'givenName',
  'familyName',
  'dateOfBirth',
  'sex',
  'bloodType',
  'phone',
  'email',
  'address',
  'emergencyContact',
  'insuranceProvider',
  'insurancePolicyNumber',
]);
export type MergeField = z.infer<typeof MergeField>;

export const LikelyDuplicate = z.object({
  patient: PatientSummary,
  reasons: z.array(DuplicateReason).min(1),
});
export type LikelyDuplicate = z.infer<typeof LikelyDuplicate>;

export const DuplicatePair = z.object({
  a: PatientSummary,
  b: PatientSummary,
  reasons: z.array(DuplicateReason).min(1),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

/** An edit made to a merged (retired) record after the merge, not yet on the survivor. */
export const ChangedAfterMerge = z.object({
  survivor: PatientSummary,
  retiredId: Id,
  field: MergeField,
  /** Ready to send as `patients.update` changes to take the value onto the survivor. */
  changes: PatientInput.partial(),
});
export type ChangedAfterMerge = z.infer<typeof ChangedAfterMerge>;

export const MergeRequest = z
  .object({
    survivorId: Id,
    retiredId: Id,
    /** Fields to take from the retired record; every other field keeps the survivor's value. */
    takeFromRetired: z.array(MergeField).max(MergeField.options.length).default([]),
  })
  .strict()
  .refine((r) => r.survivorId !== r.retiredId, {
    message: 'Choose two different patients.',
    path: ['retiredId'],
  });

/** Two different patients, in either order. */
export const PairRequest = z
  .object({ aId: Id, bId: Id })
  .strict()
  .refine((r) => r.aId !== r.bId, { message: 'Choose two different patients.', path: ['bId'] });

export const patientDuplicateChannels = {
  'patients.likelyDuplicates': channel(
    'patients.likelyDuplicates',
    z
      .object({
        givenName: z.string().max(100).default(''),
        familyName: z.string().max(100).default(''),
        dateOfBirth: z.union([CalendarDate, z.literal('')]).default(''),
        phone: z.string().max(40).default(''),
        /** The patient being edited, who is not their own duplicate. */
        excludeId: Id.optional(),
      })
      .strict(),
    z.object({ items: z.array(LikelyDuplicate) }),
    'patients.read',
  ),
  'patients.duplicatePairs': channel(
    'patients.duplicatePairs',
    z.object({ limit: z.number().int().min(1).max(500).default(200) }).strict(),
    z.object({
      total: z.number().int(),
      pairs: z.array(DuplicatePair),
      changedAfterMerge: z.array(ChangedAfterMerge),
    }),
    'patients.merge',
  ),
  /** "Not the same person": the pair leaves the list on every workstation (after sync). */
  'patients.dismissDuplicatePair': channel(
    'patients.dismissDuplicatePair',
    PairRequest,
    z.object({ dismissed: z.literal(true) }),
    'patients.merge',
  ),
  /** Undoes "not the same person": the pair is listed again if it still looks alike. */
  'patients.undismissDuplicatePair': channel(
    'patients.undismissDuplicatePair',
    PairRequest,
    z.object({ undone: z.number().int() }),
    'patients.merge',
  ),
  'patients.merge': channel('patients.merge', MergeRequest, Patient, 'patients.merge'),
} as const;
