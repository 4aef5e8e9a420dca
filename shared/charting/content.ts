// The clinical content of each record type, validated once here and used by
// the core (refuses bad content with these messages) and the chart's add
// forms (show the same messages inline). Vitals are stored in one canonical
// metric unit per measurement; the ranges below are the *invalid* limits
// (physically impossible, refused), and vitals.ts flags *abnormal* values.
import { z } from 'zod';
import type { RecordType } from '../domain/enums';
import { Id } from '../domain/primitives';
import { assertNever } from '../errors';
import {
  agrees,
  CONVERTIBLE_VITALS,
  isConvertible,
  limitsIn,
  UNIT_LABELS,
  VITAL_UNITS,
  type ConvertibleVital,
  type EnteredValue,
} from './units';
import { VITAL_KEYS, VITAL_LIMITS, type VitalKey } from './vital-limits';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);

/** A visit note: SOAP sections or free text (`text`); at least one part must be written. */
export const NoteContent = z
  .object({
    text: text(20_000).optional(),
    subjective: text(20_000).optional(),
    objective: text(20_000).optional(),
    assessment: text(20_000).optional(),
    plan: text(20_000).optional(),
    /** The appointment this visit note belongs to. */
    appointmentId: Id.optional(),
  })
  .strict()
  .refine(
    (n) => [n.text, n.subjective, n.objective, n.assessment, n.plan].some((s) => (s ?? '') !== ''),
    { message: 'write the note before saving it', path: ['text'] },
  );
export type NoteContent = z.infer<typeof NoteContent>;

export { VITAL_KEYS, VITAL_LIMITS, type VitalKey } from './vital-limits';

const rangeMessage = (key: VitalKey, unit: string) => {
  const { min, max } = limitsIn(key, unit);
  return `${VITAL_LIMITS[key].label} must be between ${min} and ${max} ${UNIT_TEXT[unit] ?? unit}`;
};
const UNIT_TEXT: Record<string, string> = UNIT_LABELS;

const vital = (key: VitalKey) => {
  const l = VITAL_LIMITS[key];
  const number = z.number({ error: `${l.label} must be a number` });
  // Temperature, weight and height may be typed in imperial units: their range
  // is checked on the whole content (checkTypedVitals), in the unit typed.
  if (isConvertible(key)) return number.optional();
  const range = rangeMessage(key, l.unit);
  const base = number.min(l.min, range).max(l.max, range);
  return (l.int ? base.int(`${l.label} must be a whole number of ${l.unit}`) : base).optional();
};

const enteredValue = (key: ConvertibleVital) =>
  z
    .object({
      value: z.number({ error: `${VITAL_LIMITS[key].label} must be a number` }),
      unit: z.enum([VITAL_UNITS[key].metric, VITAL_UNITS[key].imperial]),
    })
    .strict()
    .optional();

/**
 * The vitals that can be typed in another unit: each within its limits, the
 * message in the unit it was typed in; a value kept as typed must be the one
 * its canonical value stands for.
 */
function checkTypedVitals(
  v: Partial<Record<VitalKey, number>> & {
    entered?: Partial<Record<ConvertibleVital, EnteredValue | undefined>>;
  },
  ctx: z.RefinementCtx,
): void {
  for (const key of CONVERTIBLE_VITALS) {
    const metric = v[key];
    const typed = v.entered?.[key];
    if (metric === undefined) {
      if (typed)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${VITAL_LIMITS[key].label} is missing its value`,
        });
      continue;
    }
    const l = VITAL_LIMITS[key];
    if (metric < l.min || metric > l.max)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: rangeMessage(key, typed?.unit ?? VITAL_UNITS[key].metric),
      });
    else if (typed && !agrees(key, metric, typed))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${l.label} does not match the value typed (${typed.value} ${UNIT_LABELS[typed.unit]})`,
      });
  }
}

export const VitalsContent = z
  .object({
    systolic: vital('systolic'),
    diastolic: vital('diastolic'),
    heartRate: vital('heartRate'),
    respiratoryRate: vital('respiratoryRate'),
    temperatureC: vital('temperatureC'),
    spo2: vital('spo2'),
    weightKg: vital('weightKg'),
    heightCm: vital('heightCm'),
    /** Values typed in a non-metric unit, as typed (shared/charting/units.ts). */
    entered: z
      .object({
        temperatureC: enteredValue('temperatureC'),
        weightKg: enteredValue('weightKg'),
        heightCm: enteredValue('heightCm'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine(checkTypedVitals)
  .refine((v) => VITAL_KEYS.some((k) => v[k] !== undefined), {
    message: 'enter at least one measurement',
    path: ['systolic'],
  })
  .refine((v) => (v.systolic === undefined) === (v.diastolic === undefined), {
    message: 'blood pressure needs both systolic and diastolic',
    path: ['diastolic'],
  })
  .refine(
    (v) => v.systolic === undefined || v.diastolic === undefined || v.diastolic < v.systolic,
    {
      message: 'diastolic pressure must be lower than systolic',
      path: ['diastolic'],
    },
  );
export type VitalsContent = z.infer<typeof VitalsContent>;

export const ProblemStatus = z.enum(['active', 'resolved']);
export const DiagnosisContent = z
  .object({
    system: z.literal('ICD-10').default('ICD-10'),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/, 'an ICD-10 code looks like J45 or E11.9'),
    description: required(300, 'describe the problem'),
    status: ProblemStatus.default('active'),
    onset: z.iso.date('onset is a date').optional(),
    /** Set by "Resolve" (records.resolveProblem): the day the problem ended. */
    resolvedOn: z.iso.date('the resolution date is a date').optional(),
  })
  .strict();
export type DiagnosisContent = z.infer<typeof DiagnosisContent>;

export const AllergySeverity = z.enum(['mild', 'moderate', 'severe']);
/** One allergy, or the explicit statement that the patient has none known. */
export const AllergyContent = z.union([
  z
    .object({
      substance: required(200, 'name the substance'),
      reaction: text(300).default(''),
      severity: AllergySeverity.default('moderate'),
      status: z.enum(['active', 'inactive']).default('active'),
    })
    .strict(),
  z.object({ noKnownAllergies: z.literal(true) }).strict(),
]);
export type AllergyContent = z.infer<typeof AllergyContent>;

export const MedicationStatus = z.enum(['active', 'stopped']);
export const PrescriptionContent = z
  .object({
    drug: required(200, 'name the drug'),
    strength: text(100).optional(),
    form: text(100).optional(),
    dose: required(200, 'give the dose'),
    route: text(100).optional(),
    frequency: required(200, 'give the frequency'),
    durationDays: z.number().int('whole days').min(1, 'at least one day').max(3650).optional(),
    quantity: text(100).optional(),
    repeats: z.number().int().min(0, 'repeats cannot be negative').max(12).optional(),
    instructions: text(2000).optional(),
    /** Absent on prescriptions written before stopping existed: active. */
    status: MedicationStatus.optional(),
    /** Set by "Stop" (records.stopMedication), always with the reason. */
    stoppedOn: z.iso.date('the stop date is a date').optional(),
    stopReason: text(500).optional(),
  })
  .strict()
  .refine((p) => p.status !== 'stopped' || (p.stopReason ?? '') !== '', {
    message: 'give the reason for stopping',
    path: ['stopReason'],
  });
export type PrescriptionContent = z.infer<typeof PrescriptionContent>;

export const LabResultContent = z
  .object({
    test: required(200, 'name the test'),
    value: z.number({ error: 'the value must be a number' }),
    unit: required(50, 'give the unit'),
    referenceRange: text(100).default(''),
  })
  .strict();
export type LabResultContent = z.infer<typeof LabResultContent>;

/**
 * A document's description. When a file is attached (attachments.upload),
 * the file's name, size and SHA-256 and the `documents` row holding its
 * chunks are recorded here too, encrypted with the rest of the content.
 */
export const DocumentContent = z
  .object({
    title: required(200, 'give the document a title'),
    summary: text(5_000).default(''),
    mimeType: z.enum(['application/pdf', 'image/png', 'image/jpeg']).optional(),
    fileName: text(255).optional(),
    sizeBytes: z.number().int().positive().optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    documentId: z.uuid().optional(),
  })
  .strict();
export type DocumentContent = z.infer<typeof DocumentContent>;

export const contentSchemas = {
  note: NoteContent,
  vitals: VitalsContent,
  diagnosis: DiagnosisContent,
  allergy: AllergyContent,
  prescription: PrescriptionContent,
  lab_result: LabResultContent,
  document: DocumentContent,
} as const satisfies Record<RecordType, z.ZodType>;

/** The schema of one record type's content (exhaustive over RecordType). */
export function contentSchemaFor(type: RecordType): z.ZodType {
  switch (type) {
    case 'note':
    case 'vitals':
    case 'diagnosis':
    case 'allergy':
    case 'prescription':
    case 'lab_result':
    case 'document':
      return contentSchemas[type];
    default:
      return assertNever(type);
  }
}
