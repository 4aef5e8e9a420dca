// Shown on the New patient form while it is being filled in: registered
// patients this one is likely to be (the core's patients.likelyDuplicates,
// asked after every change of name, birth date or phone; an answer that
// arrives after a newer question is dropped). The front desk opens the
// existing record, or says it is someone else ("Register anyway").
import { useEffect, useState } from 'react';
import type { LikelyDuplicate } from '../../../../shared/api/patient-duplicates';
import { duplicateReasonLabel } from '../../../../shared/patients/duplicates';
import { api } from '../../api/client';
import { formatDate } from '../../lib/format';
import type { PatientFormValues } from './patient-form-model';

export const DUPLICATES_HEADING_ID = 'likely-duplicates-title';

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The likely duplicates of what the form holds now. */
export function useLikelyDuplicates(
  values: PatientFormValues,
  enabled: boolean,
): LikelyDuplicate[] {
  const { givenName, familyName, dateOfBirth, phone } = values;
  const [items, setItems] = useState<LikelyDuplicate[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api('patients.likelyDuplicates', {
      givenName: givenName.slice(0, 100),
      familyName: familyName.slice(0, 100),
      dateOfBirth: isDate(dateOfBirth) ? dateOfBirth : '',
      phone: phone.slice(0, 40),
    }).then(
      (r) => current && setItems(r.items),
      // The check only helps; a failure of it must not stop a registration.
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [enabled, givenName, familyName, dateOfBirth, phone]);
  return enabled ? items : [];
}

interface Props {
  items: readonly LikelyDuplicate[];
  onOpen(id: string): void;
  onRegisterAnyway(): void;
  busy: boolean;
}

export function LikelyDuplicates({ items, onOpen, onRegisterAnyway, busy }: Props) {
  if (items.length === 0) return null;
  return (
    <section className="likely-duplicates" aria-labelledby={DUPLICATES_HEADING_ID}>
      <h3 id={DUPLICATES_HEADING_ID} tabIndex={-1}>
        {items.length === 1
          ? 'This patient may already be registered'
          : `This patient may already be registered (${items.length} possible matches)`}
      </h3>
      <ul>
        {items.map(({ patient, reasons }) => (
          <li key={patient.id}>
            <span className="likely-duplicates__who">
              <strong>
                {patient.givenName} {patient.familyName}
              </strong>{' '}
              · born {formatDate(patient.dateOfBirth)} · {patient.medicalRecordNumber}
              {patient.phone && ` · ${patient.phone}`}
            </span>
            <span className="likely-duplicates__why">
              {reasons.map((r) => duplicateReasonLabel[r]).join('; ')}
            </span>
            <button type="button" className="button" onClick={() => onOpen(patient.id)}>
              Open the existing patient
              <span className="visually-hidden">
                {' '}
                {patient.givenName} {patient.familyName}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p>If this is someone else, register them as a new patient.</p>
      <button type="button" className="button" onClick={onRegisterAnyway} disabled={busy}>
        Register anyway
      </button>
    </section>
  );
}
