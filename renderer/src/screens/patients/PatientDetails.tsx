// One patient's registration details, read-only, with the way to edit them.
import { holds } from '../../../../shared/auth/capabilities';
import type { Patient } from '../../../../shared/domain/patient';
import { ScreenHeading } from '../../components/ScreenHeading';
import { bloodTypeLabel, formatDate, sexLabel } from '../../lib/format';
import { useNav } from '../../stores/nav-store';
import { usePatients } from '../../stores/patients-store';
import { useSession } from '../../stores/session-store';
import { adminRoute } from '../admin/route';
import { patientsRoute } from './route';
import { PatientBalance } from './PatientBalance';
import { SensitiveBadge } from './SensitiveBadge';
import { SensitivityControl } from './SensitivityControl';

const orDash = (s: string) => (s.trim() === '' ? '—' : s);

export function PatientDetails({ patient, onChanged }: { patient: Patient; onChanged(): void }) {
  const go = useNav((s) => s.go);
  const notice = usePatients((s) => s.notice);
  // An accounting of disclosures: admins who read the audit log see who opened this patient.
  const canAudit = useSession((s) =>
    s.session ? holds(s.session.capabilities, 'audit.read') : false,
  );
  const marksSensitive = useSession((s) =>
    s.session ? holds(s.session.capabilities, 'patients.set_sensitivity') : false,
  );
  const seesMoney = useSession((s) =>
    s.session ? holds(s.session.capabilities, 'billing.read') : false,
  );
  const contact = patient.emergencyContact;
  const rows: [string, string][] = [
    ['Date of birth', formatDate(patient.dateOfBirth)],
    ['Sex', sexLabel(patient.sex)],
    ['Blood type', bloodTypeLabel(patient.bloodType)],
    ['Phone', orDash(patient.phone)],
    ['Email', orDash(patient.email)],
    ['Address', orDash(patient.address)],
    [
      'Emergency contact',
      contact
        ? [contact.name, contact.relationship, contact.phone].filter((s) => s.trim()).join(' · ')
        : '—',
    ],
    ['Insurance provider', orDash(patient.insuranceProvider)],
    ['Policy number', orDash(patient.insurancePolicyNumber)],
  ];

  return (
    <article className="patient-details" aria-labelledby="patient-details-title">
      {notice?.patientId === patient.id && (
        <p className="alert alert--success" role="status">
          {notice.text}
        </p>
      )}
      <ScreenHeading level={2} id="patient-details-title">
        {patient.givenName} {patient.familyName}
        <SensitiveBadge sensitivity={patient.sensitivity} />
      </ScreenHeading>
      <p className="mrn">Medical record number {patient.medicalRecordNumber}</p>
      <dl className="details-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {seesMoney && <PatientBalance patientId={patient.id} />}
      </dl>
      {marksSensitive && (
        <SensitivityControl
          patientId={patient.id}
          sensitivity={patient.sensitivity}
          onChanged={onChanged}
        />
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => go(patientsRoute.href({ kind: 'edit', id: patient.id }))}
        >
          Edit patient
        </button>
        <button type="button" className="button" onClick={() => go(patientsRoute.href())}>
          Back to list
        </button>
        {canAudit && (
          <a
            className="button button--quiet"
            href={adminRoute.href({ section: 'audit', patientId: patient.id })}
          >
            Who has seen this patient
          </a>
        )}
      </div>
    </article>
  );
}
