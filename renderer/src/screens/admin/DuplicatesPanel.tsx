// Admin → Duplicates (patients.merge): likely duplicate patients across the
// clinic, including pairs registered on two workstations while offline (they
// appear here after sync, on every workstation alike), each with a Merge
// action; and edits made to a merged record after its merge, which the admin
// can take over onto the survivor.
import { useState } from 'react';
import type { DuplicatePair } from '../../../../shared/api/patient-duplicates';
import type { PatientSummary } from '../../../../shared/api/patients';
import { duplicateReasonLabel } from '../../../../shared/patients/duplicates';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount, formatDate } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { fieldText, mergeFieldLabel } from './duplicate-fields';
import { MergePatientsForm } from './MergePatientsForm';

const who = (p: PatientSummary) => (
  <>
    <strong>
      {p.givenName} {p.familyName}
    </strong>{' '}
    · born {formatDate(p.dateOfBirth)} · {p.medicalRecordNumber}
    {p.phone && ` · ${p.phone}`}
  </>
);

const pairName = (pair: DuplicatePair) =>
  `${pair.a.givenName} ${pair.a.familyName} and ${pair.b.givenName} ${pair.b.familyName}`;

export function DuplicatesPanel() {
  const list = useLoaded('patient-duplicates', () => api('patients.duplicatePairs', {}));
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const takeOver = useRequest();
  const dismiss = useRequest();
  const value = list.value;
  return (
    <section className="panel duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">Duplicate patients</h2>
      <ErrorAlert
        message={
          list.failure?.message ?? takeOver.failure?.message ?? dismiss.failure?.message ?? null
        }
      />
      {notice && (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      )}
      {value === null ? (
        !list.failure && <p role="status">Looking for likely duplicates…</p>
      ) : (
        <>
          <p>
            {value.total === 0
              ? 'No likely duplicates.'
              : `${formatCount(value.total)} likely duplicate ${value.total === 1 ? 'pair' : 'pairs'}${
                  value.total > value.pairs.length ? `, the newest ${value.pairs.length} shown` : ''
                }.`}
          </p>
          <ul className="duplicates__pairs">
            {value.pairs.map((pair) => (
              <li key={`${pair.a.id}/${pair.b.id}`}>
                <div>{who(pair.a)}</div>
                <div>{who(pair.b)}</div>
                <div className="duplicates__why">
                  {pair.reasons.map((r) => duplicateReasonLabel[r]).join('; ')}
                </div>
                {merging === pair ? (
                  <MergePatientsForm
                    pair={pair}
                    onCancel={() => setMerging(null)}
                    onMerged={(survivor) => {
                      setMerging(null);
                      setNotice(
                        `Merged into ${survivor.givenName} ${survivor.familyName} (${survivor.medicalRecordNumber}).`,
                      );
                      list.reload();
                    }}
                  />
                ) : (
                  <div className="duplicates__actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setNotice(null);
                        setMerging(pair);
                      }}
                    >
                      Merge
                      <span className="visually-hidden"> {pairName(pair)}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={dismiss.busy}
                      onClick={() =>
                        void dismiss
                          .run(() =>
                            api('patients.dismissDuplicatePair', {
                              aId: pair.a.id,
                              bId: pair.b.id,
                            }),
                          )
                          .then((r) => {
                            if (!r.ok) return;
                            setNotice(`${pairName(pair)}: marked as two different people.`);
                            list.reload();
                          })
                      }
                    >
                      Not the same person
                      <span className="visually-hidden"> ({pairName(pair)})</span>
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {value.changedAfterMerge.length > 0 && (
            <>
              <h3>Changed on a merged record after the merge</h3>
              <p>
                Another workstation edited these records before it heard of the merge. Take a value
                over if it is right.
              </p>
              <ul className="duplicates__late">
                {value.changedAfterMerge.map((c) => (
                  <li key={`${c.retiredId}/${c.field}`}>
                    <span>
                      {who(c.survivor)} — {mergeFieldLabel[c.field]}:{' '}
                      {fieldText(c.field, c.changes)}
                    </span>
                    <button
                      type="button"
                      className="button"
                      disabled={takeOver.busy}
                      onClick={() =>
                        void takeOver
                          .run(() =>
                            api('patients.update', { id: c.survivor.id, changes: c.changes }),
                          )
                          .then((r) => {
                            if (!r.ok) return;
                            setNotice(`${mergeFieldLabel[c.field]} taken over.`);
                            list.reload();
                          })
                      }
                    >
                      Use this {mergeFieldLabel[c.field].toLowerCase()}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
