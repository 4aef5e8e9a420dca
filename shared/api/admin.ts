// Channels of the Admin screen that other screens depend on (clinic settings).
import { z } from 'zod';
import { channel } from './contract';

export const ClinicSettings = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  icalIncludePatientNames: z.boolean(),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const adminChannels = {
  'admin.clinicSettings': channel('admin.clinicSettings', z.object({}).strict(), ClinicSettings),
  'admin.updateClinicSettings': channel(
    'admin.updateClinicSettings',
    ClinicSettings.partial().strict(),
    ClinicSettings,
  ),
} as const;
