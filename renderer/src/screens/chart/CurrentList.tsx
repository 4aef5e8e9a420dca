// The medication list (on the Medications tab) or the problem list (on the
// Problems tab): each item's current version, with Stop (a reason is
// required) or Resolve, and Print for an active medication. Stopped and
// resolved items are listed below. A change is a new record in the chart,
// so the header and the timeline follow (onChanged).
import { useState, type FormEvent } from 'react';
import type { CurrentItem } from '../../../../shared/api/records';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { formatInstant } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { offerPdf } from './download';

interface Props {
  session: SessionInfo;
  patientId: string;
  kind: 'medications' | 'problems';
  version: number;
  onChanged(): void;
}

export function CurrentList({ session, patientId, kind, version, onChanged }: Props) {
  const lists = useLoaded(`${patientId}:${version}`, () => api('chart.current', { patientId }));
  const items = lists.value?.[kind] ?? [];
  const active = items.filter((i) => i.status === 'active');
  const ended = items.filter((i) => i.status !== 'active');
  const meds = kind === 'medications';
  const title = meds ? 'Current medications' : 'Problem list';
  return (
    <section className="current-list" aria-label={title}>
      <h2>{title}</h2>
      <ErrorAlert message={lists.failure?.message ?? null} />
      {lists.value && active.length === 0 && (
        <p>{meds ? 'No active medications.' : 'No active problems.'}</p>
      )}
      <ul className="current-list__items">
        {active.map((i) => (
          <ActiveItem key={i.rootId} session={session} item={i} meds={meds} onChanged={onChanged} />
        ))}
      </ul>
      {ended.length > 0 && (
        <details className="current-list__ended">
          <summary>
            {meds ? 'Stopped medications' : 'Resolved problems'} ({ended.length})
          </summary>
          <ul>
            {ended.map((i) => (
              <li key={i.rootId}>
                <strong>{i.label}</strong> {i.detail && <span>{i.detail}</span>} ·{' '}
                {meds ? 'stopped' : 'resolved'} {i.endedOn ?? ''}
                {i.stopReason ? `: ${i.stopReason}` : ''}
                {i.concurrent && <Concurrent />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

const Concurrent = () => (
  <span className="current-list__concurrent">
    {' '}
    (changed on two workstations at once; both versions are in the timeline)
  </span>
);

function ActiveItem({
  session,
  item,
  meds,
  onChanged,
}: {
  session: SessionInfo;
  item: CurrentItem;
  meds: boolean;
  onChanged(): void;
}) {
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const request = useRequest();
  const canWrite = holds(session.capabilities, 'records.write');
  const action = meds ? 'Stop' : 'Resolve';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (meds && reason.trim() === '') {
      setReasonError('give the reason for stopping');
      return;
    }
    setReasonError(undefined);
    const on = date.trim() === '' ? {} : meds ? { stoppedOn: date } : { resolvedOn: date };
    const r = await request.run(() =>
      meds
        ? api('records.stopMedication', { id: item.recordId, reason, ...on })
        : api('records.resolveProblem', { id: item.recordId, ...on }),
    );
    if (r.ok) {
      setEnding(false);
      onChanged();
    } else setReasonError(r.failure.issues.find((i) => i.path === 'reason')?.message);
  };
  const print = () =>
    void request
      .run(() => api('documents.prescription', { id: item.recordId }))
      .then((r) => r.ok && offerPdf(r.value));

  return (
    <li className="current-list__item" aria-label={item.label}>
      <div>
        <strong>{item.label}</strong> {item.detail && <span>{item.detail}</span>}
        <span className="current-list__since">
          {' '}
          · since {formatInstant(item.since, session.tenant.timeZone)}
        </span>
        {item.concurrent && <Concurrent />}
      </div>
      <ErrorAlert message={request.failure?.message ?? null} />
      {!ending && (
        <div className="button-row">
          {canWrite && (
            <button type="button" className="button" onClick={() => setEnding(true)}>
              {action} {item.label}
            </button>
          )}
          {meds && (
            <button type="button" className="button" disabled={request.busy} onClick={print}>
              Print prescription
            </button>
          )}
        </div>
      )}
      {ending && (
        <form
          className="section-form"
          aria-label={`${action} ${item.label}`}
          onSubmit={(e) => void submit(e)}
          noValidate
        >
          {meds && (
            <TextField
              label="Reason for stopping"
              value={reason}
              onChange={setReason}
              error={reasonError}
            />
          )}
          <TextField
            label={
              meds
                ? 'Stopped on (YYYY-MM-DD, default today)'
                : 'Resolved on (YYYY-MM-DD, default today)'
            }
            value={date}
            onChange={setDate}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={request.busy}>
              {meds ? 'Stop medication' : 'Resolve problem'}
            </button>
            <button type="button" className="button" onClick={() => setEnding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
