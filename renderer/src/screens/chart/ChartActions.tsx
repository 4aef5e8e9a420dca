// The chart's file actions for doctors: the FHIR R4 export of the whole
// chart (a JSON Bundle, audited as an export by the core).
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { offerDownload } from './download';

export function ChartActions({ patientId }: { patientId: string }) {
  const request = useRequest();
  const exportFhir = () =>
    void request
      .run(() => api('chart.fhirExport', { patientId }))
      .then((r) => r.ok && offerDownload(r.value.fileName, r.value.json, 'application/fhir+json'));
  return (
    <div className="button-row chart-actions">
      <button type="button" className="button" disabled={request.busy} onClick={exportFhir}>
        Export chart (FHIR)
      </button>
      <ErrorAlert message={request.failure?.message ?? null} />
    </div>
  );
}
