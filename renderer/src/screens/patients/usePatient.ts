// Loads one patient for the details and edit views. Answers that arrive after
// the user has moved on to another patient are dropped.
import { useEffect, useState } from 'react';
import type { Patient } from '../../../../shared/domain/patient';
import { api, errorMessage } from '../../api/client';

export type PatientLoad =
  | { status: 'loading' }
  | { status: 'loaded'; patient: Patient }
  | { status: 'failed'; message: string };

export function usePatient(id: string): PatientLoad {
  const [load, setLoad] = useState<{ id: string; result: PatientLoad } | null>(null);
  useEffect(() => {
    let current = true;
    api('patients.get', { id }).then(
      (patient) => current && setLoad({ id, result: { status: 'loaded', patient } }),
      (e: unknown) =>
        current && setLoad({ id, result: { status: 'failed', message: errorMessage(e) } }),
    );
    return () => {
      current = false;
    };
  }, [id]);
  return load?.id === id ? load.result : { status: 'loading' };
}
