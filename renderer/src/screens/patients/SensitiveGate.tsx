// Shows a patient's details or chart only once this session may open them: a
// sensitive patient first asks for a reason (BreakGlassDialog). The core
// enforces the same rule on every channel (REASON_REQUIRED); this asks before
// anything is fetched, so the screens behind it load as usual.
import type { ReactNode } from 'react';
import type { PatientAccess } from '../../../../shared/api/sensitive-patients';
import { api } from '../../api/client';
import { useLoaded } from '../../lib/useLoaded';
import { BreakGlassDialog } from './BreakGlassDialog';

interface Props {
  patientId: string;
  /** Where Cancel (or Escape) in the dialog goes: back to the list. */
  onCancel(): void;
  /** `refresh` asks again after the flag was changed here. */
  children(access: PatientAccess, refresh: () => void): ReactNode;
}

export function SensitiveGate({ patientId, onCancel, children }: Props) {
  const { value, failure, reload } = useLoaded(patientId, () =>
    api('patients.access', { patientId }),
  );
  if (failure)
    return (
      <p className="alert alert--error" role="alert">
        {failure.message}
      </p>
    );
  if (!value) return <p role="status">Loading the patient…</p>;
  if (!value.open)
    return (
      <BreakGlassDialog
        patientId={patientId}
        sensitivity={value.sensitivity}
        onOpened={reload}
        onCancel={onCancel}
      />
    );
  return <>{children(value, reload)}</>;
}
