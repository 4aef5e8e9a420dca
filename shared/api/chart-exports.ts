// What leaves the chart as a file: a printable prescription, a visit
// summary (PDF, as billing's documents: base64 in JSON, since both
// transports carry JSON) and a FHIR R4 export of one patient's chart. Each
// is audited as an export; each needs clinical content access.
import { z } from 'zod';
import { channel } from './contract';
import { PdfDocument } from './billing';
import { Id } from '../domain/primitives';

export const FhirExport = z.object({
  fileName: z.string(),
  /** The Bundle as JSON text (resourceType Bundle, type collection). */
  json: z.string(),
  resources: z.number().int(),
});
export type FhirExport = z.infer<typeof FhirExport>;

export const chartExportChannels = {
  'documents.prescription': channel(
    'documents.prescription',
    z.object({ id: Id }).strict(),
    PdfDocument,
    'records.read_content',
  ),
  'documents.visitSummary': channel(
    'documents.visitSummary',
    z.object({ appointmentId: Id }).strict(),
    PdfDocument,
    'records.read_content',
  ),
  'chart.fhirExport': channel(
    'chart.fhirExport',
    z.object({ patientId: Id }).strict(),
    FhirExport,
    'records.read_content',
  ),
} as const;
