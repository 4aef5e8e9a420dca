// Choosing one patient for the invoice list: a search by name, record number
// or phone (patients.search), the matches as buttons, and the choice shown
// with a way to clear it.
import { useState } from 'react';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { useLoaded } from '../../lib/useLoaded';

export interface ChosenPatient {
  id: string;
  name: string;
}

interface Props {
  chosen: ChosenPatient | null;
  onChoose(p: ChosenPatient | null): void;
}

export function PatientFilter({ chosen, onChoose }: Props) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const matches = useLoaded(`billing-patient-${q}`, () =>
    q.length < 2
      ? Promise.resolve({ total: 0, items: [] })
      : api('patients.search', { query: q, limit: 8 }),
  );
  if (chosen)
    return (
      <p className="chosen-patient">
        Patient: {chosen.name}{' '}
        <button type="button" onClick={() => onChoose(null)}>
          Clear patient
        </button>
      </p>
    );
  const items = matches.value?.items ?? [];
  return (
    <div className="patient-filter">
      <TextField
        label="Patient"
        type="search"
        value={query}
        hint="Name, record number or phone"
        onChange={setQuery}
      />
      {q.length >= 2 && (
        <ul className="plain-list" aria-label="Matching patients">
          {items.length === 0 && <li>No matching patient.</li>}
          {items.map((p) => {
            const name = `${p.givenName} ${p.familyName}`;
            return (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => {
                    setQuery('');
                    onChoose({ id: p.id, name });
                  }}
                >
                  Show invoices of {name} ({p.medicalRecordNumber})
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
