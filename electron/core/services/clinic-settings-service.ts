// The clinic's profile (name, contact details, time zone, currency, date and
// time format, units for vitals) and settings, kept on the tenant row so they sync to every
// workstation. A change goes through the one write path, so it is audited
// (which columns changed, by whom, where) like every other write.
import type { ClinicSettings } from '../../../shared/api/admin';
import type { Repositories } from '../repos/repositories';
import { requireCap, type Session } from './session';

export class ClinicSettingsService {
  constructor(private readonly repos: Repositories) {}

  get(session: Session): ClinicSettings {
    const t = this.repos.tenants.get(session.actor.tenantId, session.actor.tenantId);
    return {
      name: t.name,
      timeZone: t.timeZone,
      currency: t.currency,
      dateFormat: t.dateFormat,
      timeFormat: t.timeFormat,
      unitSystem: t.unitSystem,
      phone: t.phone,
      idleLockMinutes: t.idleLockMinutes,
      icalIncludePatientNames: t.icalIncludePatientNames,
      address: t.address,
      contactEmail: t.contactEmail,
    };
  }

  update(session: Session, changes: Partial<ClinicSettings>): ClinicSettings {
    requireCap(session, 'settings.manage');
    const { address, contactEmail, phone, ...rest } = changes;
    this.repos.tenants.update(session.actor, session.actor.tenantId, {
      ...rest,
      // An emptied field is cleared, not stored as an empty string.
      ...(address !== undefined ? { address: address || null } : {}),
      ...(contactEmail !== undefined ? { contactEmail: contactEmail || null } : {}),
      ...(phone !== undefined ? { phone: phone || null } : {}),
    });
    return this.get(session);
  }
}
