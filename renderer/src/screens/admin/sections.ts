// The Admin screen's sections, one line each: a section a session does not
// hold the permission for is not offered (the core refuses its calls anyway).
// Sections without one show what they can to every admin and offer their
// changes by permission inside (settings.manage, sync.manage, devices.manage).
import type { ComponentType } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds, type Capability } from '../../../../shared/auth/capabilities';
import { AuditPanel } from './audit/AuditPanel';
import { BackupsPanel } from './BackupsPanel';
import { ClinicSettingsPanel } from './ClinicSettingsPanel';
import type { AdminView } from './route';
import { StaffPanel } from './StaffPanel';
import { SyncPanel } from './SyncPanel';
import { PriceListPanel } from './PriceListPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { BreakGlassPanel } from './BreakGlassPanel';

export interface AdminSection {
  id: string;
  label: string;
  requires?: Capability;
  Panel: ComponentType<{ session: SessionInfo; view: AdminView }>;
}

export const adminSections: readonly AdminSection[] = [
  { id: 'staff', label: 'Staff', requires: 'users.manage', Panel: StaffPanel },
  { id: 'settings', label: 'Clinic settings', Panel: ClinicSettingsPanel },
  { id: 'sync', label: 'Sync', Panel: SyncPanel },
  { id: 'prices', label: 'Price list', requires: 'billing.read', Panel: PriceListPanel },
  { id: 'audit', label: 'Audit log', requires: 'audit.read', Panel: AuditPanel },
  { id: 'sensitive', label: 'Sensitive access', requires: 'audit.read', Panel: BreakGlassPanel },
  { id: 'backups', label: 'Backups', requires: 'backup.run', Panel: BackupsPanel },
  { id: 'duplicates', label: 'Duplicates', requires: 'patients.merge', Panel: DuplicatesPanel },
];

/** The sections these capabilities open, in order; the first is where Admin opens. */
export const sectionsFor = (held: readonly Capability[]): AdminSection[] =>
  adminSections.filter((s) => s.requires === undefined || holds(held, s.requires));
