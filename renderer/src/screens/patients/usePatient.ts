// Loads one patient for the details and edit views. Answers that arrive after
// the user has moved on to another patient are dropped.
import type { Patient } from '../../../../shared/domain/patient';
import { api } from '../../api/client';
import { useLoaded, type Loaded } from '../../lib/useLoaded';

export const usePatient = (id: string): Loaded<Patient> =>
  useLoaded(id, () => api('patients.get', { id }));
