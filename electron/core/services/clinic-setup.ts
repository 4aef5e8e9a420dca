// First run: the clinic (tenant), this workstation (device) and the first admin,
// written through the one write path like everything else.
import { randomUUID } from 'node:crypto';
import { Permission } from '../../../shared/domain/enums';
import { AppError } from '../../../shared/errors';
import { hashPassword } from '../auth/password';
import type { Actor } from '../audit/audit-writer';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';

export interface NewClinic {
  clinicName: string;
  timeZone: string;
  currency: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  deviceName?: string;
}

export async function setUpClinic(
  store: ClinicStore,
  repos: Repositories,
  c: NewClinic,
): Promise<{ tenantId: string; adminUserId: string }> {
  if (store.tenantId)
    throw new AppError('STORE_EXISTS', 'This workstation already belongs to a clinic.');
  const passwordHash = await hashPassword(c.adminPassword);
  const tenantId = randomUUID();
  const adminUserId = randomUUID();
  const system: Actor = { tenantId, userId: null, deviceId: store.deviceId };
  const actor: Actor = { ...system, userId: adminUserId };
  store.transaction(() => {
    repos.tenants.create(
      system,
      {
        name: c.clinicName,
        timeZone: c.timeZone,
        currency: c.currency,
        idleLockMinutes: 5,
        icalIncludePatientNames: false,
      },
      tenantId,
    );
    repos.users.create(
      system,
      {
        email: c.adminEmail.toLowerCase(),
        displayName: c.adminName,
        role: 'admin',
        passwordHash,
        active: true,
        mustChangePassword: false,
      },
      adminUserId,
    );
    repos.admins.create(actor, { userId: adminUserId, permissions: [...Permission.options] });
    repos.devices.create(
      actor,
      { name: c.deviceName ?? 'Workstation 1', seriesCode: store.seriesCode, revokedAt: null },
      store.deviceId,
    );
    store.meta.set('tenantId', tenantId);
  });
  return { tenantId, adminUserId };
}
