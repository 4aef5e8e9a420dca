// The right-hand pane of the Patients screen, by view: nothing chosen yet,
// a new registration, one patient's details, or the edit form.
import { useNav } from '../../stores/nav-store';
import { PatientDetails } from './PatientDetails';
import { PatientForm } from './PatientForm';
import { patientsRoute, type PatientsView } from './route';
import { SensitiveGate } from './SensitiveGate';
import { usePatient } from './usePatient';

function Loaded({ id, edit }: { id: string; edit: boolean }) {
  const { value: patient, failure, reload } = usePatient(id);
  if (failure) {
    return (
      <p className="alert alert--error" role="alert">
        {failure.message}
      </p>
    );
  }
  if (!patient) return <p role="status">Loading the patient…</p>;
  // Keyed by the patient's version so the edit form starts from fresh values.
  return edit ? (
    <PatientForm key={patient.updatedAt} patient={patient} />
  ) : (
    <PatientDetails patient={patient} onChanged={reload} />
  );
}

/** A sensitive patient opens only after a reason is given; Cancel goes back to the list. */
function Gated({ id, edit }: { id: string; edit: boolean }) {
  const go = useNav((s) => s.go);
  return (
    <SensitiveGate patientId={id} onCancel={() => go(patientsRoute.href())}>
      {() => <Loaded id={id} edit={edit} />}
    </SensitiveGate>
  );
}

export function PatientPane({ view }: { view: PatientsView }) {
  switch (view.kind) {
    case 'list':
      return (
        <div className="panel panel--empty">
          <p>Choose a patient from the list to see their details, or register a new patient.</p>
        </div>
      );
    case 'new':
      return <PatientForm />;
    case 'view':
      return <Gated key={view.id} id={view.id} edit={false} />;
    case 'edit':
      return <Gated key={`${view.id}/edit`} id={view.id} edit />;
  }
}
