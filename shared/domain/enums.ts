// The seed enums, each a closed set. Switches over them must be exhaustive.
import { z } from 'zod';

export const Role = z.enum(['admin', 'doctor', 'front_desk', 'patient']);
export type Role = z.infer<typeof Role>;

export const AppointmentStatus = z.enum([
  'scheduled',
  'checked_in',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
]);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const RecordType = z.enum([
  'note',
  'vitals',
  'diagnosis',
  'allergy',
  'prescription',
  'lab_result',
  'document',
]);
export type RecordType = z.infer<typeof RecordType>;

export const PaymentMethod = z.enum(['cash', 'card', 'insurance', 'bank_transfer']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const BillingStatus = z.enum([
  'draft',
  'issued',
  'partially_paid',
  'paid',
  'void',
  'refunded',
]);
export type BillingStatus = z.infer<typeof BillingStatus>;

export const BloodType = z.enum(['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown']);
export type BloodType = z.infer<typeof BloodType>;

export const Sex = z.enum(['female', 'male', 'other', 'unknown']);
export type Sex = z.infer<typeof Sex>;

/** What an audit entry records. Reads of clinical content are audited too. */
export const AuditAction = z.enum([
  'create',
  'update',
  'delete',
  'read',
  'login',
  'login_failed',
  'logout',
  'export',
  'backup',
  'restore',
  'overbook',
  'merge',
  /** Opening a sensitive patient with a stated reason ("break the glass"). */
  'break_glass',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** Fine-grained admin permissions (Admins.Permissions). */
export const Permission = z.enum([
  'users.manage',
  'doctors.manage',
  'devices.manage',
  'sync.manage',
  'audit.read',
  'backup.run',
  'export.run',
  'settings.manage',
  'billing.refund',
  'patients.merge',
]);
export type Permission = z.infer<typeof Permission>;

/**
 * Why a patient's chart needs a stated reason to open ("break the glass"):
 * a staff member of the clinic, a VIP, or a protected person. 'none' opens as usual.
 */
export const Sensitivity = z.enum(['none', 'staff', 'vip', 'protected']);
export type Sensitivity = z.infer<typeof Sensitivity>;
