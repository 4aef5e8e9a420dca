// The Patients screen: search and the list on the left, the chosen patient
// (details, edit, or a new registration) on the right, side by side so the
// front desk never loses their place in the list.
import { useEffect, useRef } from 'react';
import type { ScreenProps } from '../../app/screen-definition';
import { TitleRow } from '../../components/TitleRow';
import { formatCount } from '../../lib/format';
import { useNav } from '../../stores/nav-store';
import { usePatients } from '../../stores/patients-store';
import { PatientList } from './PatientList';
import { PatientPane } from './PatientPane';
import { PatientSearchBox } from './PatientSearchBox';
import { patientsRoute, type PatientsView } from './route';
import { holds } from '../../../../shared/auth/capabilities';
import { chartHref } from '../chart/route';

const LIST_ID = 'patient-list';

export function PatientsScreen({ view, session }: ScreenProps<PatientsView>) {
  const go = useNav((s) => s.go);
  const { total, query, error, search, setNotice } = usePatients();
  const listRef = useRef<HTMLDivElement>(null);

  // First visit: list everyone. Later visits keep the last search and position.
  useEffect(() => {
    if (!usePatients.getState().started) void search('');
  }, [search]);

  // A save confirmation belongs to the details it was shown on: moving elsewhere
  // clears it. Runs on navigation only, not when the notice itself is set.
  useEffect(() => {
    const current = usePatients.getState().notice;
    if (current && !(view.kind === 'view' && view.id === current.patientId)) setNotice(null);
  }, [view, setNotice]);

  const selectedId = view.kind === 'view' || view.kind === 'edit' ? view.id : null;
  // A doctor opening a patient gets their chart; everyone else their details.
  const charts = holds(session.capabilities, 'records.write');
  const open = (id: string) =>
    go(charts ? chartHref(id) : patientsRoute.href({ kind: 'view', id }));

  const countText =
    total === null
      ? 'Searching…'
      : `${formatCount(total)} ${total === 1 ? 'patient' : 'patients'}${query ? ` matching “${query}”` : ''}`;

  return (
    <div className="screen patients">
      <section className="patients__list-pane" aria-labelledby="patients-title">
        <TitleRow title="Patients" headingId="patients-title" autoFocus={false}>
          <button
            type="button"
            className="button button--primary"
            onClick={() => go(patientsRoute.href({ kind: 'new' }))}
          >
            New patient
          </button>
        </TitleRow>
        <PatientSearchBox listId={LIST_ID} onEnterList={() => listRef.current?.focus()} />
        <p className="patients__count" role="status">
          {countText}
        </p>
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        {total === 0 ? (
          <p className="patients__empty">
            {query ? 'No patients match this search.' : 'No patients registered yet.'}
          </p>
        ) : (
          <PatientList
            id={LIST_ID}
            listRef={listRef}
            selectedId={selectedId}
            onOpen={open}
            onExitTop={() => document.getElementById('patient-search')?.focus()}
          />
        )}
      </section>
      <section className="patients__detail-pane" aria-label="Patient">
        <PatientPane view={view} />
      </section>
    </div>
  );
}
