// Merging one likely duplicate pair: the admin chooses which record survives
// and, for each field the two records disagree on, which value it keeps. The
// other record is retired and points at the survivor; its appointments,
// records, messages and invoices move to the survivor on every workstation.
import { useState } from 'react';
import { MergeField, type DuplicatePair } from '../../../../shared/api/patient-duplicates';
import type { Patient } from '../../../../shared/domain/patient';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { fieldText, mergeFieldLabel } from './duplicate-fields';

interface Props {
  pair: DuplicatePair;
  onMerged(survivor: Patient): void;
  onCancel(): void;
}

const name = (p: { givenName: string; familyName: string; medicalRecordNumber: string }) =>
  `${p.givenName} ${p.familyName} (${p.medicalRecordNumber})`;

export function MergePatientsForm({ pair, onMerged, onCancel }: Props) {
  const records = useLoaded(`merge/${pair.a.id}/${pair.b.id}`, () =>
    Promise.all([api('patients.get', { id: pair.a.id }), api('patients.get', { id: pair.b.id })]),
  );
  const [survivorId, setSurvivorId] = useState(pair.a.id);
  const [fromOther, setFromOther] = useState<ReadonlySet<MergeField>>(new Set());
  const request = useRequest();
  const [a, b] = records.value ?? [null, null];
  if (!a || !b)
    return (
      <div className="merge-form">
        <ErrorAlert message={records.failure?.message ?? null} />
        {!records.failure && <p role="status">Loading both records…</p>}
      </div>
    );
  const survivor = survivorId === a.id ? a : b;
  const other = survivor === a ? b : a;
  const differing = MergeField.options.filter(
    (f) => JSON.stringify(survivor[f]) !== JSON.stringify(other[f]),
  );
  const choose = (field: MergeField, takeOther: boolean) =>
    setFromOther((s) => {
      const next = new Set(s);
      if (takeOther) next.add(field);
      else next.delete(field);
      return next;
    });
  const merge = async () => {
    const r = await request.run(() =>
      api('patients.merge', {
        survivorId: survivor.id,
        retiredId: other.id,
        takeFromRetired: differing.filter((f) => fromOther.has(f)),
      }),
    );
    if (r.ok) onMerged(r.value);
  };
  return (
    <form
      className="merge-form"
      aria-labelledby="merge-title"
      onSubmit={(e) => {
        e.preventDefault();
        void merge();
      }}
    >
      <h3 id="merge-title" tabIndex={-1}>
        Merge {name(a)} and {name(b)}
      </h3>
      <ErrorAlert message={request.failure?.message ?? null} />
      <fieldset>
        <legend>Record that stays</legend>
        {[a, b].map((p) => (
          <label key={p.id} className="merge-form__choice">
            <input
              type="radio"
              name="survivor"
              checked={survivorId === p.id}
              onChange={() => {
                setSurvivorId(p.id);
                setFromOther(new Set());
              }}
            />
            {name(p)}
          </label>
        ))}
      </fieldset>
      {differing.length === 0 ? (
        <p>Both records hold the same details.</p>
      ) : (
        differing.map((field) => (
          <fieldset key={field}>
            <legend>{mergeFieldLabel[field]}</legend>
            <label className="merge-form__choice">
              <input
                type="radio"
                name={`field-${field}`}
                checked={!fromOther.has(field)}
                onChange={() => choose(field, false)}
              />
              {fieldText(field, survivor)}
            </label>
            <label className="merge-form__choice">
              <input
                type="radio"
                name={`field-${field}`}
                checked={fromOther.has(field)}
                onChange={() => choose(field, true)}
              />
              {fieldText(field, other)}
            </label>
          </fieldset>
        ))
      )}
      <p>
        {name(other)} will be retired: opening it leads to {name(survivor)}, and its appointments,
        records, messages and invoices move there.
      </p>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={request.busy}>
          {request.busy ? 'Merging…' : 'Merge records'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={request.busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
