import { z } from 'zod';
import { CalendarDate, Email, Id, NonEmptyText, rowBase } from './primitives';
import { BloodType, Sensitivity, Sex } from './enums';

export const EmergencyContact = z.object({
  name: NonEmptyText(200),
  phone: NonEmptyText(40),
  relationship: z.string().trim().max(60),
});
export type EmergencyContact = z.infer<typeof EmergencyContact>;

export const Patient = z.object({
  ...rowBase,
  /** The patient's user row (role `patient`), when they have one; patients need no desktop login. */
  userId: Id.nullable(),
  /** Human-facing, unique per clinic: `<device series>-<number>`, so workstations never collide offline. */
  medicalRecordNumber: NonEmptyText(40),
  givenName: NonEmptyText(100),
  familyName: NonEmptyText(100),
  dateOfBirth: CalendarDate,
  sex: Sex,
  bloodType: BloodType,
  phone: z.string().trim().max(40),
  email: Email.or(z.literal('')),
  address: z.string().trim().max(500),
  emergencyContact: EmergencyContact.nullable(),
  insuranceProvider: z.string().trim().max(200),
  insurancePolicyNumber: z.string().trim().max(100),
  /** Set on a retired record when it was merged: the record that survived (migration 008). */
  mergedInto: Id.nullable().default(null),
  /** Opening this patient asks for a reason when not 'none' (migration 010; set by admins and doctors only). */
  sensitivity: Sensitivity.default('none'),
});
export type Patient = z.infer<typeof Patient>;
