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
    };
  }

  update(session: Session, changes: Partial<ClinicSettings>): ClinicSettings {
    requireCap(session, 'settings.manage');
    this.repos.tenants.update(session.actor, session.actor.tenantId, changes);
    return this.get(session);
  }
}
