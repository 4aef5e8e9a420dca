// The clinic settings section: the settings as the core has them, then the
// form (read-only without settings.manage).
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoaded } from '../../lib/useLoaded';
import { ClinicSettingsForm } from './ClinicSettingsForm';

export function ClinicSettingsPanel({ session }: { session: SessionInfo }) {
  const { value: settings, failure } = useLoaded('clinic-settings', () =>
    api('admin.clinicSettings', {}),
  );
  if (!settings) {
    return failure ? <ErrorAlert message={failure.message} /> : <p>Loading settings…</p>;
  }
  return (
    <ClinicSettingsForm
      initial={settings}
      canEdit={holds(session.capabilities, 'settings.manage')}
    />
  );
}
