// Create or edit a patient. Validated with PatientInput before sending; the
// core validates again and its field issues are shown on the same inputs.
import { PatientInput } from '../../../../shared/api/patients';
import type { Patient } from '../../../../shared/domain/patient';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useNav } from '../../stores/nav-store';
import { usePatients } from '../../stores/patients-store';
import {
  correctPatientFields,
  emptyPatientForm,
  formFromPatient,
  inputFromForm,
} from './patient-form-model';
import { PatientFormFields } from './PatientFormFields';
import { patientsRoute } from './route';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';
import { useState, type FormEvent } from 'react';
import { DUPLICATES_HEADING_ID, LikelyDuplicates, useLikelyDuplicates } from './LikelyDuplicates';

interface Props {
  /** The patient being edited; absent when registering a new one. */
  patient?: Patient;
}

export function PatientForm({ patient }: Props) {
  const go = useNav((s) => s.go);
  const { reload, setNotice } = usePatients();
  const form = useSchemaForm({
    initial: patient ? formFromPatient(patient) : emptyPatientForm,
    schema: PatientInput,
    toInput: inputFromForm,
    refusal: correctPatientFields,
    send: (input) =>
      patient
        ? api('patients.update', { id: patient.id, changes: input })
        : api('patients.create', input),
    async onDone(saved) {
      setNotice({
        patientId: saved.id,
        text: `${patient ? 'Changes saved' : 'Patient registered'}. Medical record number: ${saved.medicalRecordNumber}`,
      });
      await reload();
      go(patientsRoute.href({ kind: 'view', id: saved.id }));
    },
  });

  // Registering: likely duplicates are shown before saving, and saving waits
  // until the front desk has opened one of them or said "Register anyway".
  const duplicates = useLikelyDuplicates(form.values, !patient);
  const [registerAnyway, setRegisterAnyway] = useState(false);
  const onSubmit = (e: FormEvent) => {
    if (duplicates.length > 0 && !registerAnyway) {
      e.preventDefault();
      document.getElementById(DUPLICATES_HEADING_ID)?.focus();
      return;
    }
    form.onSubmit(e);
  };

  const cancel = () =>
    go(patientsRoute.href(patient ? { kind: 'view', id: patient.id } : { kind: 'list' }));

  const title = patient ? `Edit ${patient.givenName} ${patient.familyName}` : 'New patient';
  return (
    <SchemaFormElement
      form={{ id: form.id, onSubmit }}
      className="patient-form"
      aria-labelledby="patient-form-title"
    >
      <ScreenHeading level={2} id="patient-form-title">
        {title}
      </ScreenHeading>
      {patient && <p className="mrn">Medical record number {patient.medicalRecordNumber}</p>}
      <ErrorAlert message={form.failure?.message ?? null} />
      <PatientFormFields field={form.field} errors={form.errors} />
      <LikelyDuplicates
        items={duplicates}
        busy={form.busy}
        onOpen={(id) => go(patientsRoute.href({ kind: 'view', id }))}
        onRegisterAnyway={() => {
          setRegisterAnyway(true);
          void form.submit();
        }}
      />
      <div className="button-row">
        <SubmitButton form={form} busyLabel="Saving…">
          {patient ? 'Save changes' : 'Register patient'}
        </SubmitButton>
        <button type="button" className="button" onClick={cancel} disabled={form.busy}>
          Cancel
        </button>
      </div>
    </SchemaFormElement>
  );
}
