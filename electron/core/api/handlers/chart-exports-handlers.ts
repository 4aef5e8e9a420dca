// documents.*, chart.fhirExport: files made from a chart.
import type { HandlerMap } from '../handler-types';

type ChartExportChannels = 'documents.prescription' | 'documents.visitSummary' | 'chart.fhirExport';

export const chartExportsHandlers: HandlerMap<ChartExportChannels> = {
  'documents.prescription': (r, { session, services }) =>
    services.chartExports.prescription(session, r),
  'documents.visitSummary': (r, { session, services }) =>
    services.chartExports.visitSummary(session, r),
  'chart.fhirExport': (r, { session, services }) => services.chartExports.fhir(session, r),
};
