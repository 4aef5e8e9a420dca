// Admins and doctors mark a patient as sensitive (staff member, VIP,
// protected person) or clear it, from the patient's details. The flag syncs;
// from then on everyone else opening the patient is asked for a reason.
import { useState } from 'react';
import { Sensitivity } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { useRequest } from '../../lib/useRequest';
import { sensitivityLabels } from './sensitivity-labels';

interface Props {
  patientId: string;
  sensitivity: Sensitivity;
  onChanged(): void;
}

const options = Sensitivity.options.map((value) => ({ value, label: sensitivityLabels[value] }));

export function SensitivityControl({ patientId, sensitivity, onChanged }: Props) {
  const [chosen, setChosen] = useState<Sensitivity>(sensitivity);
  const request = useRequest();
  const save = async () => {
    const res = await request.run(() =>
      api('patients.setSensitivity', { patientId, sensitivity: chosen }),
    );
    if (res.ok) onChanged();
  };
  return (
    <section className="sensitivity-control" aria-label="Mark as sensitive">
      <SelectField
        label="Sensitivity"
        value={chosen}
        options={options}
        onChange={(v) => {
          const parsed = Sensitivity.safeParse(v);
          if (parsed.success) setChosen(parsed.data);
          request.edited();
        }}
      />
      <button
        type="button"
        className="button"
        disabled={request.busy || chosen === sensitivity}
        onClick={() => void save()}
      >
        Save sensitivity
      </button>
      {request.succeeded && chosen === sensitivity && <p role="status">Sensitivity saved.</p>}
      <ErrorAlert message={request.failure?.message ?? null} />
    </section>
  );
}
