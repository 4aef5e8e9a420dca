// Every record of the patient, newest first, a page at a time (keyset pages
// from the core), filterable by type. Each entry shows type, date, author and
// state; its content is fetched (and decrypted, and audited) only when opened.
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import type { TimelineCursor, TimelineEntry } from '../../../../shared/api/records';
import { RecordType } from '../../../../shared/domain/enums';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { typeLabels } from './chart-model';
import { TimelineItem } from './TimelineItem';

const PAGE = 25;

interface Props {
  session: SessionInfo;
  patientId: string;
  version: number;
  onChanged(): void;
  /** A section's own records only; the type filter is then not shown. */
  fixedType?: RecordType;
}

export function Timeline({ session, patientId, version, onChanged, fixedType }: Props) {
  const [filter, setFilter] = useState<RecordType | ''>('');
  const [items, setItems] = useState<TimelineEntry[] | null>(null);
  const [next, setNext] = useState<TimelineCursor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const type = fixedType ?? (filter || null);

  useEffect(() => {
    let live = true;
    api('records.timeline', { patientId, limit: PAGE, ...(type ? { types: [type] } : {}) }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setNext(page.next);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [patientId, type, version]);

  const more = () => {
    if (!next) return;
    api('records.timeline', {
      patientId,
      limit: PAGE,
      after: next,
      ...(type ? { types: [type] } : {}),
    }).then(
      (page) => {
        setItems((current) => [...(current ?? []), ...page.items]);
        setNext(page.next);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  return (
    <section className="timeline" aria-label="Timeline">
      {!fixedType && (
        <SelectField
          label="Show"
          value={filter}
          onChange={(v) => setFilter(v === '' ? '' : RecordType.parse(v))}
          options={[
            { value: '', label: 'All records' },
            ...RecordType.options.map((t) => ({ value: t, label: typeLabels[t] })),
          ]}
        />
      )}
      <ErrorAlert message={error} />
      {items === null && <p role="status">Loading records…</p>}
      {items?.length === 0 && <p className="panel panel--empty">Nothing recorded yet.</p>}
      <ol className="timeline__list">
        {items?.map((e) => (
          <TimelineItem
            key={`${e.id}:${version}`}
            session={session}
            entry={e}
            onChanged={onChanged}
          />
        ))}
      </ol>
      {next && (
        <button type="button" className="button" onClick={more}>
          Show older records
        </button>
      )}
    </section>
  );
}
