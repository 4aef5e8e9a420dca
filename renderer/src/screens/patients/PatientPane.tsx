// The right-hand pane of the Patients screen, by view: nothing chosen yet,
// a new registration, one patient's details, or the edit form.
import type { PatientsView } from '../../app/routes';
import { PatientDetails } from './PatientDetails';
import { PatientForm } from './PatientForm';
import { usePatient } from './usePatient';

function Loaded({ id, edit }: { id: string; edit: boolean }) {
  const load = usePatient(id);
  switch (load.status) {
    case 'loading':
      return <p role="status">Loading the patient…</p>;
    case 'failed':
      return (
        <p className="alert alert--error" role="alert">
          {load.message}
        </p>
      );
    case 'loaded':
      // Keyed by the patient's version so the edit form starts from fresh values.
      return edit ? (
        <PatientForm key={load.patient.updatedAt} patient={load.patient} />
      ) : (
        <PatientDetails patient={load.patient} />
      );
  }
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
      return <Loaded key={view.id} id={view.id} edit={false} />;
    case 'edit':
      return <Loaded key={`${view.id}/edit`} id={view.id} edit />;
  }
}
