// Channels of the Admin screen: clinic settings (other screens depend on them)
// and staff accounts. Nothing here ever carries a password hash.
import { z } from 'zod';
import { channel } from './contract';
import { Password } from './session';
import { Doctor } from '../domain/doctor';
import { Permission, Role } from '../domain/enums';
import { PublicUser } from '../domain/user';
import { ClinicPhone, DateFormat, TimeFormat, UnitSystem } from '../domain/clinic-locale';
import { CurrencyCode, Id, NonEmptyText, TimeZone } from '../domain/primitives';

/** An ISO 4217 code the runtime knows (so money can be shown in it), e.g. GBP. */
export const KnownCurrency = CurrencyCode.refine(
  (code) => Intl.supportedValuesOf('currency').includes(code),
  'Unknown currency code: enter an ISO 4217 code such as GBP, EUR or USD.',
);

/**
 * The clinic's profile and settings, all on its tenant row (so they sync to
 * every workstation; per-cell last-writer-wins like every tenant column).
 */
export const ClinicSettings = z.object({
  name: NonEmptyText(200),
  /** IANA zone every date and time is shown in. */
  timeZone: TimeZone,
  currency: KnownCurrency,
  dateFormat: DateFormat,
  timeFormat: TimeFormat,
  /** Units vitals are typed and shown in (stored metric either way). */
  unitSystem: UnitSystem,
  /** Printed on documents; null when not set. */
  phone: z.union([z.literal(''), ClinicPhone]).nullable(),
  idleLockMinutes: z.number().int().min(1).max(240),
  icalIncludePatientNames: z.boolean(),
  /** Printed on receipts and invoices; null when not set. */
  address: z.string().trim().max(500).nullable(),
  contactEmail: z
    .union([z.literal(''), z.email('Enter an email address such as billing@clinic.example.')])
    .nullable(),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

/** A doctor's profile as the Admin screen lists it (availability is edited on the Schedule screen). */
export const DoctorProfile = Doctor.pick({
  id: true,
  specialty: true,
  licenseNumber: true,
  consultationFee: true,
  experienceYears: true,
});
export type DoctorProfile = z.infer<typeof DoctorProfile>;

/** One staff account: the public user, plus the doctor profile or admin permissions it has. */
export const StaffMember = PublicUser.pick({
  id: true,
  email: true,
  displayName: true,
  role: true,
  active: true,
  mustChangePassword: true,
}).extend({
  doctor: DoctorProfile.nullable(),
  permissions: z.array(Permission).nullable(),
});
export type StaffMember = z.infer<typeof StaffMember>;

const account = {
  displayName: PublicUser.shape.displayName,
  email: PublicUser.shape.email,
  password: Password,
};

export const NewStaffRequest = z
  .object({
    ...account,
    role: Role.extract(['front_desk', 'admin']),
    /** Admins only; ignored for front-desk staff. */
    permissions: z.array(Permission).max(Permission.options.length).default([]),
  })
  .strict();

export const NewDoctorRequest = z
  .object({
    ...account,
    specialty: Doctor.shape.specialty,
    licenseNumber: Doctor.shape.licenseNumber,
    /** Integer minor units of the clinic's currency (cents); the form converts from major units. */
    consultationFee: Doctor.shape.consultationFee,
    experienceYears: Doctor.shape.experienceYears,
    /** Usually set afterwards in the hours editor; a new doctor has no hours until then. */
    availability: Doctor.shape.availability.optional(),
  })
  .strict();

const Empty = z.object({}).strict();

export const SetActiveRequest = z.object({ userId: Id, active: z.boolean() }).strict();
export const SetRoleRequest = z
  .object({
    userId: Id,
    role: Role.extract(['front_desk', 'admin']),
    /** Admins only: the permissions they hold. */
    permissions: z.array(Permission).max(Permission.options.length).default([]),
  })
  .strict();
export const ResetPasswordRequest = z.object({ userId: Id, temporaryPassword: Password }).strict();

export const adminChannels = {
  'admin.clinicSettings': channel('admin.clinicSettings', Empty, ClinicSettings, 'session'),
  'admin.updateClinicSettings': channel(
    'admin.updateClinicSettings',
    ClinicSettings.partial().strict(),
    ClinicSettings,
    'settings.manage',
  ),
  'users.list': channel('users.list', Empty, z.array(StaffMember), 'users.manage'),
  'users.create': channel('users.create', NewStaffRequest, StaffMember, 'users.manage'),
  'users.setActive': channel('users.setActive', SetActiveRequest, StaffMember, 'users.manage'),
  'users.setRole': channel('users.setRole', SetRoleRequest, StaffMember, 'users.manage'),
  'users.resetPassword': channel(
    'users.resetPassword',
    ResetPasswordRequest,
    StaffMember,
    'users.manage',
  ),
  'doctors.create': channel('doctors.create', NewDoctorRequest, StaffMember, 'doctors.manage'),
} as const;
