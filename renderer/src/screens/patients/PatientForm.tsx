// Create or edit a patient. Validated with PatientInput before sending; the
// core validates again and its field issues are shown on the same inputs.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PatientInput } from '../../../../shared/api/patients';
import type { Patient } from '../../../../shared/domain/patient';
import { api, ApiError, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { toFieldErrors, validate, type FieldErrors } from '../../lib/validation';
import { useNav } from '../../stores/nav-store';
import { usePatients } from '../../stores/patients-store';
import {
  emptyPatientForm,
  formFromPatient,
  inputFromForm,
  type PatientFormField,
  type PatientFormValues,
} from './patient-form-model';
import { PatientFormFields } from './PatientFormFields';

interface Props {
  /** The patient being edited; absent when registering a new one. */
  patient?: Patient;
}

export function PatientForm({ patient }: Props) {
  const go = useNav((s) => s.go);
  const { reload, setNotice } = usePatients();
  const [values, setValues] = useState<PatientFormValues>(() =>
    patient ? formFromPatient(patient) : emptyPatientForm,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed attempt, put the cursor on the first field to fix.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const change = (field: PatientFormField, value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  function refuse(fieldErrors: FieldErrors, message: string) {
    setErrors(fieldErrors);
    setFailure(message);
    setAttempt((n) => n + 1);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(PatientInput, inputFromForm(values));
    if (!checked.ok) {
      const count = Object.keys(checked.errors).length;
      refuse(
        checked.errors,
        `Please correct ${count === 1 ? '1 field' : `${count} fields`} below.`,
      );
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const saved = patient
        ? await api('patients.update', { id: patient.id, changes: checked.value })
        : await api('patients.create', checked.value);
      setNotice({
        patientId: saved.id,
        text: `${patient ? 'Changes saved' : 'Patient registered'}. Medical record number: ${saved.medicalRecordNumber}`,
      });
      await reload();
      go({ screen: 'patients', view: { kind: 'view', id: saved.id } });
    } catch (err) {
      setBusy(false);
      refuse(err instanceof ApiError ? toFieldErrors(err.issues) : {}, errorMessage(err));
    }
  }

  const cancel = () =>
    go({
      screen: 'patients',
      view: patient ? { kind: 'view', id: patient.id } : { kind: 'list' },
    });

  const title = patient ? `Edit ${patient.givenName} ${patient.familyName}` : 'New patient';
  return (
    <form
      ref={formRef}
      className="patient-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="patient-form-title"
    >
      <ScreenHeading level={2} id="patient-form-title">
        {title}
      </ScreenHeading>
      {patient && <p className="mrn">Medical record number {patient.medicalRecordNumber}</p>}
      <ErrorAlert message={failure} />
      <PatientFormFields values={values} errors={errors} onChange={change} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : patient ? 'Save changes' : 'Register patient'}
        </button>
        <button type="button" className="button" onClick={cancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
