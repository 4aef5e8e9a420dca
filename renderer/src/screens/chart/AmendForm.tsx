// An amendment of a signed record: a new record pointing at it, in the same
// form as the record's own section (a note's amendment is free text).
import type { RecordContent, TimelineEntry } from '../../../../shared/api/records';
import { api } from '../../api/client';
import { NoteForm } from './NoteForm';
import { SectionForm } from './SectionForm';
import { typeLabels } from './chart-model';

interface Props {
  entry: TimelineEntry;
  onDone(): void;
  onCancel(): void;
}

export function AmendForm({ entry, onDone, onCancel }: Props) {
  const title = `Amend ${typeLabels[entry.recordType].toLowerCase()}`;
  const send = (content: unknown, sign: boolean) =>
    api('records.amend', { id: entry.id, content: content as RecordContent, sign });
  return entry.recordType === 'note' ? (
    <NoteForm title={title} label="Amendment" send={send} onDone={onDone} onCancel={onCancel} />
  ) : (
    <SectionForm
      type={entry.recordType}
      title={title}
      send={send}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
