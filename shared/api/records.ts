// The contract of clinical records (charting). Record content is JSON data
// whose shape depends on the record type (shared/charting/content.ts); it is
// encrypted per record in the core and never leaves it for roles without
// records.read_content. Listing channels carry metadata only.
import { z } from 'zod';
import { channel } from './contract';
import { RecordType, Sex } from '../domain/enums';
import { Id, UtcTimestamp } from '../domain/primitives';
import {
  AllergyContent,
  DiagnosisContent,
  DocumentContent,
  LabResultContent,
  NoteContent,
  PrescriptionContent,
  VitalsContent,
} from '../charting/content';

/** Any JSON value: the clinical content of one record. */
export const RecordContent = z.json();
export type RecordContent = z.infer<typeof RecordContent>;

export const NewRecordRequest = z
  .object({
    patientId: Id,
    recordType: RecordType,
    content: RecordContent,
    recordedAt: UtcTimestamp.optional(),
    amendsRecordId: Id.nullable().optional(),
  })
  .strict();

/** Derived from the rows, never stored: unsigned, signed, or signed and corrected by amendments. */
export const RecordState = z.enum(['unsigned', 'signed', 'amended']);
export type RecordState = z.infer<typeof RecordState>;

/** One timeline row: metadata only, no clinical content. */
export const TimelineEntry = z.object({
  id: Id,
  patientId: Id,
  recordType: RecordType,
  recordedAt: UtcTimestamp,
  doctorId: Id,
  authorName: z.string(),
  state: RecordState,
  signedAt: UtcTimestamp.nullable(),
  amendsRecordId: Id.nullable(),
  /** Amendments of this record, oldest first. */
  amendmentIds: z.array(Id),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Keyset cursor: the last entry of the previous page. */
export const TimelineCursor = z.object({ recordedAt: UtcTimestamp, id: Id }).strict();
export type TimelineCursor = z.infer<typeof TimelineCursor>;

export const AllergySummary = z.object({
  substance: z.string(),
  reaction: z.string(),
  severity: z.string(),
});

/** The chart header. `clinical` is null for roles that see metadata only. */
export const ChartSummary = z.object({
  patientId: Id,
  name: z.string(),
  ageYears: z.number().int(),
  sex: Sex,
  medicalRecordNumber: z.string(),
  lastVisitAt: UtcTimestamp.nullable(),
  clinical: z
    .object({
      allergyStatus: z.enum(['recorded', 'none_known', 'not_recorded']),
      allergies: z.array(AllergySummary),
      activeProblems: z.array(z.object({ code: z.string(), description: z.string() })),
    })
    .nullable(),
});
export type ChartSummary = z.infer<typeof ChartSummary>;

const base = {
  patientId: Id,
  recordedAt: UtcTimestamp.optional(),
  /** Sign at once (the record is then immutable). */
  sign: z.boolean().default(false),
};

/** A new record of one type, with that type's content schema. */
export const CreateRecordRequest = z.discriminatedUnion('recordType', [
  z.object({ ...base, recordType: z.literal('note'), content: NoteContent }).strict(),
  z.object({ ...base, recordType: z.literal('vitals'), content: VitalsContent }).strict(),
  z.object({ ...base, recordType: z.literal('diagnosis'), content: DiagnosisContent }).strict(),
  z.object({ ...base, recordType: z.literal('allergy'), content: AllergyContent }).strict(),
  z
    .object({
      ...base,
      recordType: z.literal('prescription'),
      content: PrescriptionContent,
      /** Go on although the drug matches a recorded allergy (the acknowledgement is audited). */
      acknowledgeAllergy: z.boolean().default(false),
    })
    .strict(),
  z.object({ ...base, recordType: z.literal('lab_result'), content: LabResultContent }).strict(),
  z.object({ ...base, recordType: z.literal('document'), content: DocumentContent }).strict(),
]);
export type CreateRecordRequest = z.input<typeof CreateRecordRequest>;

/** A visit note being written: SOAP sections, all optional while drafting. */
export const DraftContent = z
  .object({
    subjective: z.string().max(20_000).default(''),
    objective: z.string().max(20_000).default(''),
    assessment: z.string().max(20_000).default(''),
    plan: z.string().max(20_000).default(''),
  })
  .strict();
export type DraftContent = z.infer<typeof DraftContent>;

/** One medication or problem as it stands now: the current version of its chain (shared/charting/current-list.ts). */
export const CurrentItem = z.object({
  /** The version to act on (stop, resolve, print). */
  recordId: Id,
  /** The original record of the chain. */
  rootId: Id,
  status: z.enum(['active', 'stopped', 'resolved']),
  /** Drug, or problem description. */
  label: z.string(),
  /** Strength, dose, route and frequency, or the ICD-10 code. */
  detail: z.string(),
  /** When the original was recorded. */
  since: UtcTimestamp,
  /** The stop or resolution date, when ended. */
  endedOn: z.iso.date().nullable(),
  stopReason: z.string().nullable(),
  /** Versions written concurrently on two workstations (see the merge rule). */
  concurrent: z.boolean(),
});
export type CurrentItem = z.infer<typeof CurrentItem>;

export const CurrentLists = z.object({
  medications: z.array(CurrentItem),
  problems: z.array(CurrentItem),
});
export type CurrentLists = z.infer<typeof CurrentLists>;

export const StopMedicationRequest = z
  .object({
    id: Id,
    reason: z.string().trim().min(1, 'give the reason for stopping').max(500),
    /** Defaults to today in the clinic's time zone. */
    stoppedOn: z.iso.date('the stop date is a date').optional(),
  })
  .strict();

export const ResolveProblemRequest = z
  .object({
    id: Id,
    /** Defaults to today in the clinic's time zone. */
    resolvedOn: z.iso.date('the resolution date is a date').optional(),
  })
  .strict();

const DraftKey = { patientId: Id, appointmentId: Id.nullable() };

export const recordChannels = {
  'chart.summary': channel(
    'chart.summary',
    z.object({ patientId: Id }).strict(),
    ChartSummary,
    'records.list',
  ),
  'records.timeline': channel(
    'records.timeline',
    z
      .object({
        patientId: Id,
        types: z.array(RecordType).max(7).optional(),
        after: TimelineCursor.nullable().default(null),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ items: z.array(TimelineEntry), next: TimelineCursor.nullable() }),
    'records.list',
  ),
  'records.read': channel(
    'records.read',
    z.object({ id: Id }).strict(),
    z.object({ entry: TimelineEntry, content: RecordContent }),
    'records.read_content',
  ),
  'records.create': channel('records.create', CreateRecordRequest, TimelineEntry, 'records.write'),
  'records.sign': channel(
    'records.sign',
    z.object({ id: Id }).strict(),
    TimelineEntry,
    'records.write',
  ),
  /** An unsigned record, by its author only; a signed record is never deleted (amend it). */
  'records.delete': channel(
    'records.delete',
    z.object({ id: Id }).strict(),
    z.object({ id: Id }),
    'records.write',
  ),
  'records.amend': channel(
    'records.amend',
    z.object({ id: Id, content: RecordContent, sign: z.boolean().default(false) }).strict(),
    TimelineEntry,
    'records.write',
  ),
  'chart.current': channel(
    'chart.current',
    z.object({ patientId: Id }).strict(),
    CurrentLists,
    'records.read_content',
  ),
  'records.stopMedication': channel(
    'records.stopMedication',
    StopMedicationRequest,
    TimelineEntry,
    'records.write',
  ),
  'records.resolveProblem': channel(
    'records.resolveProblem',
    ResolveProblemRequest,
    TimelineEntry,
    'records.write',
  ),
  'drafts.save': channel(
    'drafts.save',
    z.object({ ...DraftKey, content: DraftContent }).strict(),
    z.object({ savedAt: UtcTimestamp }),
    'records.write',
  ),
  'drafts.load': channel(
    'drafts.load',
    z.object(DraftKey).strict(),
    z.object({ content: DraftContent, savedAt: UtcTimestamp }).nullable(),
    'records.write',
  ),
  'drafts.discard': channel(
    'drafts.discard',
    z.object(DraftKey).strict(),
    z.object({ discarded: z.boolean() }),
    'records.write',
  ),
} as const;
