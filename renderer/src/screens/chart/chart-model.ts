// The chart's pure parts: tab labels, the header's allergy line, the add
// forms' fields and how their typed text becomes a record's content (checked
// with the core's own content schemas), how an opened record reads, and when
// a visit-note draft is due to be saved.
import { labFlag, labFlagText } from '../../../../shared/charting/trends';
import type { ApiRequest } from '../../../../shared/api/channels';
import type { ChartSummary, DraftContent, RecordState } from '../../../../shared/api/records';
import {
  contentSchemas,
  VITAL_KEYS,
  VITAL_LIMITS,
  type VitalKey,
} from '../../../../shared/charting/content';
import { shownVital, unitLabel, vitalsFromTyped } from '../../../../shared/charting/units';
import type { UnitSystem } from '../../../../shared/domain/clinic-locale';
import { abnormalVitals, bmi } from '../../../../shared/charting/vitals';
import type { AppointmentStatus, RecordType } from '../../../../shared/domain/enums';
import { numberFrom } from '../../lib/form-rules';
import { validate, type FieldErrors } from '../../lib/validation';
import type { ChartTab } from './route';

export const tabLabels: Record<ChartTab, string> = {
  timeline: 'Timeline',
  note: 'Notes',
  vitals: 'Vitals',
  diagnosis: 'Problems',
  allergy: 'Allergies',
  prescription: 'Medications',
  lab_result: 'Lab results',
  document: 'Documents',
};

export const typeLabels: Record<RecordType, string> = {
  note: 'Note',
  vitals: 'Vitals',
  diagnosis: 'Problem',
  allergy: 'Allergy',
  prescription: 'Prescription',
  lab_result: 'Lab result',
  document: 'Document',
};

export const stateLabels: Record<RecordState, string> = {
  unsigned: 'Unsigned',
  signed: 'Signed',
  amended: 'Amended',
};

/** The header's allergy line: the allergies, "No known allergies", or "Allergies not recorded". */
export function allergyLine(clinical: NonNullable<ChartSummary['clinical']>): string {
  switch (clinical.allergyStatus) {
    case 'recorded':
      return clinical.allergies
        .map((a) => (a.severity ? `${a.substance} (${a.severity})` : a.substance))
        .join(', ');
    case 'none_known':
      return 'No known allergies';
    case 'not_recorded':
      return 'Allergies not recorded';
  }
}

export interface FormField {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'select' | 'textarea';
  options?: readonly { value: string; label: string }[];
}

const vitalField = (key: VitalKey, system: UnitSystem = 'metric'): FormField => ({
  key,
  label: `${VITAL_LIMITS[key].label} (${unitLabel(key, system)})`,
  kind: 'number',
});

/** A section's add-form fields; vitals are labelled in the clinic's units. */
export const fieldsFor = (type: SectionType, system: UnitSystem): readonly FormField[] =>
  type === 'vitals' ? VITAL_KEYS.map((k) => vitalField(k, system)) : sectionFields[type];

/** The add form of each section (notes are written in the note form). */
export const sectionFields: Record<Exclude<RecordType, 'note'>, readonly FormField[]> = {
  vitals: VITAL_KEYS.map((k) => vitalField(k)),
  diagnosis: [
    { key: 'code', label: 'ICD-10 code', kind: 'text' },
    { key: 'description', label: 'Description', kind: 'text' },
    {
      key: 'status',
      label: 'Status',
      kind: 'select',
      options: [
        { value: 'active', label: 'Active' },
        { value: 'resolved', label: 'Resolved' },
      ],
    },
    { key: 'onset', label: 'Onset (YYYY-MM-DD)', kind: 'text' },
  ],
  allergy: [
    { key: 'substance', label: 'Substance', kind: 'text' },
    { key: 'reaction', label: 'Reaction', kind: 'text' },
    {
      key: 'severity',
      label: 'Severity',
      kind: 'select',
      options: [
        { value: 'mild', label: 'Mild' },
        { value: 'moderate', label: 'Moderate' },
        { value: 'severe', label: 'Severe' },
      ],
    },
  ],
  prescription: [
    { key: 'drug', label: 'Drug', kind: 'text' },
    { key: 'strength', label: 'Strength', kind: 'text' },
    { key: 'form', label: 'Form', kind: 'text' },
    { key: 'dose', label: 'Dose', kind: 'text' },
    { key: 'route', label: 'Route', kind: 'text' },
    { key: 'frequency', label: 'Frequency', kind: 'text' },
    { key: 'durationDays', label: 'Duration (days)', kind: 'number' },
    { key: 'quantity', label: 'Quantity', kind: 'text' },
    { key: 'repeats', label: 'Repeats', kind: 'number' },
    { key: 'instructions', label: 'Instructions', kind: 'textarea' },
  ],
  lab_result: [
    { key: 'test', label: 'Test', kind: 'text' },
    { key: 'value', label: 'Value', kind: 'number' },
    { key: 'unit', label: 'Unit', kind: 'text' },
    { key: 'referenceRange', label: 'Reference range', kind: 'text' },
  ],
  document: [
    { key: 'title', label: 'Title', kind: 'text' },
    { key: 'summary', label: 'Summary', kind: 'textarea' },
  ],
};

export type SectionType = keyof typeof sectionFields;

/** The initial (empty) values of a section's form; selects start on their first option. */
export const emptyValues = (type: SectionType): Record<string, string> =>
  Object.fromEntries(sectionFields[type].map((f) => [f.key, f.options?.[0]?.value ?? '']));

/**
 * The content the typed values make: numbers parsed, blank optional text left
 * out; vitals typed in imperial units become metric plus the value as typed.
 */
export function contentFrom(
  type: SectionType,
  values: Record<string, string>,
  system: UnitSystem,
): unknown {
  const out: Record<string, unknown> = {};
  for (const f of sectionFields[type]) {
    const text = values[f.key] ?? '';
    if (f.kind === 'number') {
      const n = numberFrom(text);
      if (n !== undefined) out[f.key] = n;
    } else if (text.trim() !== '') out[f.key] = text;
  }
  return type === 'vitals'
    ? vitalsFromTyped(out as Partial<Record<VitalKey, number>>, system)
    : out;
}

/** The content to send, or each field's problem in the core's words. */
export function checkSection(
  type: SectionType,
  values: Record<string, string>,
  system: UnitSystem,
): { ok: true; content: unknown } | { ok: false; errors: FieldErrors } {
  const checked = validate(contentSchemas[type], contentFrom(type, values, system));
  return checked.ok ? { ok: true, content: checked.value } : { ok: false, errors: checked.errors };
}

/** The core's field issues (paths under `content.`) as this form's field errors. */
export const contentErrors = (
  issues: readonly { path: string; message: string }[],
): FieldErrors => {
  const errors: FieldErrors = {};
  for (const i of issues) errors[i.path.replace(/^content\./, '')] ??= i.message;
  return errors;
};

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** How an opened record reads: label and value lines, in the order a doctor expects. */
export function contentLines(
  type: RecordType,
  content: unknown,
  system: UnitSystem,
): [string, string][] {
  const c = (typeof content === 'object' && content !== null ? content : {}) as Record<
    string,
    unknown
  >;
  const lines: [string, string][] = [];
  const add = (label: string, v: unknown) => {
    const s = str(v);
    if (s !== '') lines.push([label, s]);
  };
  switch (type) {
    case 'note':
      add('Note', c['text']);
      add('Subjective', c['subjective']);
      add('Objective', c['objective']);
      add('Assessment', c['assessment']);
      add('Plan', c['plan']);
      break;
    case 'vitals': {
      const v = c as Partial<Record<VitalKey, number>>;
      const flags = abnormalVitals(v);
      const flag = (k: VitalKey) => (flags[k] ? ` (${flags[k]})` : '');
      if (v.systolic !== undefined && v.diastolic !== undefined)
        lines.push([
          'Blood pressure',
          `${v.systolic}/${v.diastolic} mmHg${flags.systolic || flags.diastolic ? ' (abnormal)' : ''}`,
        ]);
      for (const k of [
        'heartRate',
        'respiratoryRate',
        'temperatureC',
        'spo2',
        'weightKg',
        'heightCm',
      ] as const) {
        const shown = shownVital(c, k, system);
        if (shown !== undefined)
          lines.push([VITAL_LIMITS[k].label, `${shown} ${unitLabel(k, system)}${flag(k)}`]);
      }
      const b = bmi(v);
      if (b !== null) lines.push(['BMI', String(b)]);
      break;
    }
    case 'allergy':
      if (c['noKnownAllergies'] === true) lines.push(['Allergies', 'No known allergies']);
      add('Substance', c['substance']);
      add('Reaction', c['reaction']);
      add('Severity', c['severity']);
      break;
    case 'lab_result':
      for (const f of sectionFields[type]) add(f.label, c[f.key]);
      if (typeof c['value'] === 'number') {
        const range = typeof c['referenceRange'] === 'string' ? c['referenceRange'] : '';
        lines.push(['Flag', labFlagText(labFlag(c['value'], range), range)]);
      }
      break;
    default:
      for (const f of sectionFields[type]) add(f.label, c[f.key]);
      if (type === 'diagnosis') add('Coding', c['system']);
  }
  return lines;
}

export const emptyDraft: DraftContent = { subjective: '', objective: '', assessment: '', plan: '' };

/** A SOAP draft as a note's content: empty sections left out. */
export function noteFromDraft(draft: DraftContent, appointmentId: string): Record<string, string> {
  const out: Record<string, string> = { appointmentId };
  for (const k of ['subjective', 'objective', 'assessment', 'plan'] as const)
    if (draft[k].trim() !== '') out[k] = draft[k];
  return out;
}

/** Drafts are saved 1 s after typing pauses, and at least every 4 s while typing goes on (never > 5 s lost). */
export function draftDue(s: {
  dirty: boolean;
  lastEditAt: number;
  lastSavedAt: number;
  now: number;
}) {
  return s.dirty && (s.now - s.lastEditAt >= 1_000 || s.now - s.lastSavedAt >= 4_000);
}

const DAY_ORDER: Record<AppointmentStatus, number> = {
  checked_in: 0,
  in_progress: 1,
  scheduled: 2,
  completed: 3,
  no_show: 4,
  cancelled: 5,
};

/** A doctor's day: their own appointments, checked-in first, then by time; cancelled ones left out. */
export function dayQueue<
  A extends { doctorId: string; status: AppointmentStatus; scheduledAt: string },
>(appointments: readonly A[], doctorId: string): A[] {
  return appointments
    .filter((a) => a.doctorId === doctorId && a.status !== 'cancelled')
    .sort(
      (a, b) =>
        DAY_ORDER[a.status] - DAY_ORDER[b.status] || a.scheduledAt.localeCompare(b.scheduledAt),
    );
}

/**
 * The records.create request of a section form. `content` was checked by
 * checkSection against this type's schema, which TypeScript cannot follow
 * through the union of types, hence the one assertion here.
 */
export function createRequest(
  patientId: string,
  type: SectionType,
  content: unknown,
  sign: boolean,
  acknowledgeAllergy: boolean,
): ApiRequest<'records.create'> {
  return {
    patientId,
    recordType: type,
    content,
    sign,
    ...(type === 'prescription' ? { acknowledgeAllergy } : {}),
  } as ApiRequest<'records.create'>;
}
