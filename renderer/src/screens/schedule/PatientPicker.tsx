// Finding the patient to book: a search box (patients.search) and the matches
// as radio buttons, so the list works with arrow keys like any radio group.
import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../../shared/api/patients';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { formatDate } from '../../lib/format';

const DEBOUNCE_MS = 150;
const LIMIT = 8;

interface Props {
  selected: PatientSummary | null;
  onSelect(p: PatientSummary): void;
}

export function PatientPicker({ selected, onSelect }: Props) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<PatientSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (query.trim() === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      api('patients.search', { query: query.trim(), offset: 0, limit: LIMIT })
        .then((r) => live && (setItems(r.items), setError(null)))
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const shown = query.trim() === '' ? [] : items;
  const list = selected && !shown.some((p) => p.id === selected.id) ? [selected, ...shown] : shown;
  return (
    <div className="patient-picker">
      <TextField
        label="Find patient"
        type="search"
        value={query}
        onChange={setQuery}
        hint="Name, medical record number or phone"
        autoComplete="off"
      />
      <ErrorAlert message={error} />
      {list.length > 0 && (
        <fieldset className="patient-picker__list">
          <legend>Patient</legend>
          {list.map((p) => (
            <label key={p.id} className="patient-picker__option">
              <input
                type="radio"
                name="booking-patient"
                checked={selected?.id === p.id}
                onChange={() => onSelect(p)}
              />
              <span>
                {p.familyName}, {p.givenName}
                <span className="patient-picker__meta">
                  {' '}
                  · {formatDate(p.dateOfBirth)} · {p.medicalRecordNumber}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {query.trim() !== '' && shown.length === 0 && !error && (
        <p className="patient-picker__empty">No patients match yet.</p>
      )}
    </div>
  );
}
