// One timeline entry: metadata always; the content once opened (audited in
// the core); Sign for an unsigned record, Amend for a signed one.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import type { RecordContent, TimelineEntry } from '../../../../shared/api/records';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { AmendForm } from './AmendForm';
import { contentLines, stateLabels, typeLabels } from './chart-model';

interface Props {
  session: SessionInfo;
  entry: TimelineEntry;
  onChanged(): void;
}

export function TimelineItem({ session, entry, onChanged }: Props) {
  const [content, setContent] = useState<RecordContent | null>(null);
  const [amending, setAmending] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const request = useRequest();
  const canRead = holds(session.capabilities, 'records.read_content');
  const units = session.tenant.unitSystem;
  const canWrite = holds(session.capabilities, 'records.write');
  const label = `${typeLabels[entry.recordType]}, ${formatInstant(entry.recordedAt, session.tenant.timeZone)}`;

  const open = async () => {
    const r = await request.run(() => api('records.read', { id: entry.id }));
    if (r.ok) setContent(r.value.content);
  };
  const sign = async () => {
    const r = await request.run(() => api('records.sign', { id: entry.id }));
    if (r.ok) onChanged();
  };
  // Unsigned records only, and the core lets only their author delete them.
  const remove = async () => {
    const r = await request.run(() => api('records.delete', { id: entry.id }));
    setConfirmingDelete(false);
    if (r.ok) onChanged();
  };

  return (
    <li className="timeline__item" aria-label={label}>
      <div className="timeline__meta">
        <span className="timeline__type">{typeLabels[entry.recordType]}</span>
        <span>{formatInstant(entry.recordedAt, session.tenant.timeZone)}</span>
        <span>{entry.authorName}</span>
        <span className={`record-state record-state--${entry.state}`}>
          {stateLabels[entry.state]}
        </span>
        {entry.amendsRecordId && <span className="timeline__amends">Amendment</span>}
      </div>
      {content !== null && (
        <dl className="timeline__content">
          {contentLines(entry.recordType, content, units).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <ErrorAlert message={request.failure?.message ?? null} />
      <div className="button-row">
        {canRead && content === null && (
          <button
            type="button"
            className="button"
            disabled={request.busy}
            onClick={() => void open()}
          >
            Open
          </button>
        )}
        {canWrite && entry.state === 'unsigned' && (
          <button
            type="button"
            className="button"
            disabled={request.busy}
            onClick={() => void sign()}
          >
            Sign
          </button>
        )}
        {canWrite && entry.state === 'unsigned' && !confirmingDelete && (
          <button
            type="button"
            className="button button--quiet"
            disabled={request.busy}
            onClick={() => setConfirmingDelete(true)}
          >
            Delete
          </button>
        )}
        {confirmingDelete && (
          <>
            <span>Delete this unsigned record?</span>
            <button
              type="button"
              className="button button--danger"
              disabled={request.busy}
              onClick={() => void remove()}
            >
              Delete record
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setConfirmingDelete(false)}
            >
              Keep it
            </button>
          </>
        )}
        {canWrite && entry.state !== 'unsigned' && !amending && (
          <button type="button" className="button" onClick={() => setAmending(true)}>
            Amend
          </button>
        )}
      </div>
      {amending && (
        <AmendForm
          entry={entry}
          onCancel={() => setAmending(false)}
          onDone={() => {
            setAmending(false);
            onChanged();
          }}
        />
      )}
    </li>
  );
}
