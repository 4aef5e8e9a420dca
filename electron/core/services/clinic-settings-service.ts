// Clinic-wide settings kept on the tenant row (so they sync to every workstation).
import type { ClinicSettings } from '../../../shared/api/admin';
import type { Repositories } from '../repos/repositories';
import { requireCap, type Session } from './session';

export class ClinicSettingsService {
  constructor(private readonly repos: Repositories) {}

  get(session: Session): ClinicSettings {
    const t = this.repos.tenants.get(session.actor.tenantId, session.actor.tenantId);
    return {
      idleLockMinutes: t.idleLockMinutes,
      icalIncludePatientNames: t.icalIncludePatientNames,
      address: t.address,
      contactEmail: t.contactEmail,
    };
  }

  update(session: Session, changes: Partial<ClinicSettings>): ClinicSettings {
    requireCap(session, 'settings.manage');
    const { address, contactEmail, ...rest } = changes;
    this.repos.tenants.update(session.actor, session.actor.tenantId, {
      ...rest,
      // An emptied field is cleared, not stored as an empty string.
      ...(address !== undefined ? { address: address || null } : {}),
      ...(contactEmail !== undefined ? { contactEmail: contactEmail || null } : {}),
    });
    return this.get(session);
  }
}
