// One row of the patients list. A row whose page is still loading shows a
// placeholder of the same height, so the scrollbar never jumps.
import type { PatientSummary } from '../../../../shared/api/patients';
import { formatDate } from '../../lib/format';

interface Props {
  id: string;
  index: number;
  total: number;
  start: number;
  height: number;
  patient: PatientSummary | undefined;
  active: boolean;
  open: boolean;
  onPick(patientId: string): void;
}

export function PatientRow({
  id,
  index,
  total,
  start,
  height,
  patient,
  active,
  open,
  onPick,
}: Props) {
  const className = ['patient-row', active && 'patient-row--active', open && 'patient-row--open']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={className}
      style={{ height, transform: `translateY(${start}px)` }}
      onClick={patient ? () => onPick(patient.id) : undefined}
    >
      {patient ? (
        <>
          <span className="patient-row__name">
            {patient.familyName}, {patient.givenName}
          </span>
          <span className="patient-row__meta">
            <span>{patient.medicalRecordNumber}</span>
            <span>Born {formatDate(patient.dateOfBirth)}</span>
            {patient.phone && <span>{patient.phone}</span>}
          </span>
        </>
      ) : (
        <span className="patient-row__loading">Loading…</span>
      )}
    </div>
  );
}
