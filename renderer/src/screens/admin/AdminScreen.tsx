// The Admin screen (administrators only; the core checks each permission):
// clinic settings, staff accounts, and sync for this workstation.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSession } from '../../stores/session-store';
import '../../styles/admin.css';
import { ClinicSettingsForm } from './ClinicSettingsForm';
import { StaffPanel } from './StaffPanel';
import { SyncPanel } from './SyncPanel';

type Section = 'settings' | 'staff' | 'sync';
const sections: { id: Section; label: string }[] = [
  { id: 'staff', label: 'Staff' },
  { id: 'settings', label: 'Clinic settings' },
  { id: 'sync', label: 'Sync' },
];

export function AdminScreen() {
  const session = useSession((s) => s.session);
  if (!session) return null;
  return <Admin session={session} />;
}

function Admin({ session }: { session: SessionInfo }) {
  const [section, setSection] = useState<Section>('staff');
  const canUsers = session.permissions.includes('users.manage');
  const shown = sections.filter((s) => s.id !== 'staff' || canUsers);
  const current = shown.some((s) => s.id === section) ? section : 'settings';
  return (
    <div className="screen admin">
      <div className="admin__title-row">
        <ScreenHeading>Admin</ScreenHeading>
        <div className="segmented" role="group" aria-label="Admin sections">
          {shown.map((s) => (
            <button
              key={s.id}
              type="button"
              className="button"
              aria-pressed={current === s.id}
              onClick={() => setSection(s.id)}
            >
              {s.label}
            </button>
          ))}
        </div>
      </div>
      {current === 'staff' && <StaffPanel session={session} />}
      {current === 'settings' && (
        <ClinicSettingsForm canEdit={session.permissions.includes('settings.manage')} />
      )}
      {current === 'sync' && <SyncPanel session={session} />}
    </div>
  );
}
