// The chart's documents: attach a PDF or an image (checked here for size so
// a user is told at once; the core checks size and type by content again),
// the list of attached files (a file still arriving by sync says so) and a
// preview from the bytes the core returns: an image inline from a blob: URL, a
// PDF drawn by pdf.js onto a canvas (PdfPreview; Chromium's PDF plugin is off
// in the app window). The renderer never sees a file path.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DocumentListItem } from '../../../../shared/api/attachments';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import {
  DOCUMENT_MAX_BYTES,
  documentTypeLabels,
  formatBytes,
} from '../../../../shared/charting/documents';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { PdfPreview } from './PdfPreview';

interface Props {
  session: SessionInfo;
  patientId: string;
  version: number;
  onChanged(): void;
}

const base64Of = (file: File): Promise<string> =>
  file.arrayBuffer().then((buf) => {
    const bytes = new Uint8Array(buf);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/** An opened document: its bytes (for pdf.js) and a blob: URL (image preview, saved copy). */
interface Opened {
  bytes: Uint8Array;
  url: string;
}

export function DocumentsPanel({ session, patientId, version, onChanged }: Props) {
  const canWrite = holds(session.capabilities, 'records.write');
  const [items, setItems] = useState<DocumentListItem[] | null>(null);
  const list = useRequest();
  useEffect(() => {
    let live = true;
    void list
      .run(() => api('attachments.list', { patientId }))
      .then((r) => live && r.ok && setItems(r.value.items));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on a new version only
  }, [patientId, version]);
  return (
    <div className="documents-panel">
      {canWrite && <UploadForm patientId={patientId} onDone={onChanged} />}
      <section aria-label="Attached documents">
        <h2>Attached documents</h2>
        <ErrorAlert message={list.failure?.message ?? null} />
        {items !== null && items.length === 0 && <p>No documents attached yet.</p>}
        <ul className="documents-list">
          {(items ?? []).map((d) => (
            <DocumentRow key={d.documentId} item={d} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function UploadForm({ patientId, onDone }: { patientId: string; onDone(): void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const request = useRequest();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return request.refuse('Choose a PDF, PNG or JPEG file to attach.');
    if (file.size === 0) return request.refuse('The file is empty.');
    if (file.size > DOCUMENT_MAX_BYTES)
      return request.refuse(`The file is larger than the 10 MB limit (${formatBytes(file.size)}).`);
    const r = await request.run(async () =>
      api('attachments.upload', {
        patientId,
        title: title.trim() || file.name,
        fileName: file.name,
        dataBase64: await base64Of(file),
      }),
    );
    if (r.ok) {
      setTitle('');
      setFile(null);
      setInputKey((k) => k + 1);
      onDone();
    }
  };
  return (
    <form className="section-form" aria-label="Attach a document" onSubmit={(e) => void submit(e)}>
      <h2>Attach a document</h2>
      <ErrorAlert message={request.failure?.message ?? null} />
      <div className="section-form__fields">
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={200}
            // Locked while a file is sent: the form is cleared when it arrives, so text typed meanwhile would be lost.
            disabled={request.busy}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>File (PDF, PNG or JPEG, up to 10 MB)</label>
          <input
            key={inputKey}
            id={`${id}-file`}
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            disabled={request.busy}
            onChange={(e) => {
              request.reset();
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={request.busy}>
          {request.busy ? 'Attaching…' : 'Attach'}
        </button>
      </div>
    </form>
  );
}

function DocumentRow({ item }: { item: DocumentListItem }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const url = opened?.url ?? null;
  const open = useRequest();
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const label = `${documentTypeLabels[item.mimeType]}, ${formatBytes(item.sizeBytes)}`;
  const show = async () => {
    const r = await open.run(() => api('attachments.read', { documentId: item.documentId }));
    if (!r.ok) return;
    const bytes = bytesOf(r.value.dataBase64);
    setOpened({ bytes, url: URL.createObjectURL(new Blob([bytes], { type: r.value.mimeType })) });
  };
  return (
    <li className="documents-list__item">
      <p>
        <strong>{item.title}</strong> · {label}
        {item.fileName && ` · ${item.fileName}`} · {item.authorName}
      </p>
      {item.complete ? (
        url === null ? (
          <button type="button" className="button" disabled={open.busy} onClick={() => void show()}>
            Preview {item.title}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setOpened(null)}>
            Close preview
          </button>
        )
      ) : (
        <p className="documents-list__pending" role="status">
          Still downloading from the other workstations ({item.chunksPresent} of {item.chunkCount}{' '}
          parts). It opens once the next sync brings the rest.
        </p>
      )}
      <ErrorAlert message={open.failure?.message ?? null} />
      {url !== null && (
        <a className="button" href={url} download={item.fileName || 'document'}>
          Save a copy of {item.title}
        </a>
      )}
      {opened !== null &&
        (item.mimeType === 'application/pdf' ? (
          <PdfPreview key={opened.url} bytes={opened.bytes} title={item.title} />
        ) : (
          <img
            className="documents-list__preview"
            src={opened.url}
            alt={`Preview of ${item.title}`}
          />
        ))}
    </li>
  );
}
