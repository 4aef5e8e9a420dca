// Download buttons for an issued invoice's PDFs (built in the core with pdfkit).
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { downloadPdf } from './download-pdf';

export function DocumentLinks({ id }: { id: string }) {
  const req = useRequest();
  const download = (kind: 'invoice' | 'receipt') =>
    void req
      .run(() => api('billing.document', { id, kind }))
      .then((r) => r.ok && downloadPdf(r.value));
  return (
    <>
      <button type="button" disabled={req.busy} onClick={() => download('invoice')}>
        Download invoice PDF
      </button>
      <button type="button" disabled={req.busy} onClick={() => download('receipt')}>
        Download receipt PDF
      </button>
      <ErrorAlert message={req.failure?.message ?? null} />
    </>
  );
}
