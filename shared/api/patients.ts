// Channels of the Patients screen.
import { z } from 'zod';
import { channel } from './contract';
import { Id } from '../domain/primitives';
import { Patient } from '../domain/patient';

/** What staff type when registering or editing a patient; the core owns ids, MRN and timestamps. */
export const PatientInput = Patient.omit({
  id: true,
  tenantId: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  medicalRecordNumber: true,
  userId: true,
  mergedInto: true,
  // Set only through patients.setSensitivity (admins and doctors), never by the registration form.
  sensitivity: true,
}).strict();
export type PatientInput = z.infer<typeof PatientInput>;

export const PatientSummary = Patient.pick({
  id: true,
  medicalRecordNumber: true,
  givenName: true,
  familyName: true,
  dateOfBirth: true,
  phone: true,
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const patientChannels = {
  'patients.search': channel(
    'patients.search',
    z
      .object({
        /** Name prefix (given or family, either order), MRN prefix, or phone digits. Empty lists all. */
        query: z.string().max(100),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ total: z.number().int(), items: z.array(PatientSummary) }),
    'patients.read',
  ),
  'patients.get': channel('patients.get', z.object({ id: Id }).strict(), Patient, 'patients.read'),
  'patients.create': channel('patients.create', PatientInput, Patient, 'patients.write'),
  'patients.update': channel(
    'patients.update',
    z.object({ id: Id, changes: PatientInput.partial() }).strict(),
    Patient,
    'patients.write',
  ),
} as const;
