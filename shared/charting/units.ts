// Vitals in the clinic's units (metric or imperial, a clinic setting). Every
// vital is stored in one canonical metric unit (VITAL_LIMITS), which BMI, the
// abnormal flags, FHIR and the trends' bands use. A value typed in another
// unit is also kept as typed (`entered` in the record's content), so it is
// shown back exactly as typed in that unit, and a metric value typed in a
// metric clinic is shown exactly as typed too: converting back and forth never
// drifts (177 cm stays 177 cm; 69.7 in stays 69.7 in). Only a value typed in
// the other system is converted for display, to one decimal.
import type { UnitSystem } from '../domain/clinic-locale';
import { VITAL_LIMITS, type VitalKey } from './vital-limits';

/** The vitals that have an imperial unit; the others (mmHg, /min, %) are the same everywhere. */
export const CONVERTIBLE_VITALS = ['temperatureC', 'weightKg', 'heightCm'] as const;
export type ConvertibleVital = (typeof CONVERTIBLE_VITALS)[number];

/** Unit codes as stored in `entered` (UCUM, as FHIR writes them). */
export const VITAL_UNITS = {
  temperatureC: { metric: 'Cel', imperial: '[degF]' },
  weightKg: { metric: 'kg', imperial: '[lb_av]' },
  heightCm: { metric: 'cm', imperial: '[in_i]' },
} as const satisfies Record<ConvertibleVital, Record<UnitSystem, string>>;
export type VitalUnit = (typeof VITAL_UNITS)[ConvertibleVital][UnitSystem];

/** How people read each unit code. */
export const UNIT_LABELS: Record<VitalUnit, string> = {
  Cel: '°C',
  '[degF]': '°F',
  kg: 'kg',
  '[lb_av]': 'lb',
  cm: 'cm',
  '[in_i]': 'in',
};

/** A value as it was typed, in the unit it was typed in. */
export interface EnteredValue {
  value: number;
  unit: VitalUnit;
}

const LB_KG = 0.45359237; // exact, by definition of the avoirdupois pound
const IN_CM = 2.54; // exact, by definition of the international inch

/** Decimals kept in the canonical value: finer than anyone types, so no typed value is lost. */
const CANONICAL_DECIMALS: Record<ConvertibleVital, number> = {
  temperatureC: 3,
  weightKg: 4,
  heightCm: 3,
};

const round = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

export const isConvertible = (key: VitalKey): key is ConvertibleVital =>
  (CONVERTIBLE_VITALS as readonly string[]).includes(key);

/** The unit code a vital is typed and shown in under a unit system. */
export function unitOf(key: VitalKey, system: UnitSystem): string {
  return isConvertible(key) ? VITAL_UNITS[key][system] : VITAL_LIMITS[key].unit;
}

/** How people read a vital's unit under a unit system: 'lb', '°F', 'mmHg'. */
export function unitLabel(key: VitalKey, system: UnitSystem): string {
  return isConvertible(key) ? UNIT_LABELS[VITAL_UNITS[key][system]] : VITAL_LIMITS[key].unit;
}

/** A value in `unit` as the canonical metric value (unrounded). */
function toMetricExact(key: ConvertibleVital, value: number, unit: VitalUnit): number {
  if (unit === VITAL_UNITS[key].metric) return value;
  switch (key) {
    case 'temperatureC':
      return ((value - 32) * 5) / 9;
    case 'weightKg':
      return value * LB_KG;
    case 'heightCm':
      return value * IN_CM;
  }
}

/** A value in `unit` as the canonical metric value, rounded as stored. */
export function toMetric(key: ConvertibleVital, value: number, unit: VitalUnit): number {
  return round(toMetricExact(key, value, unit), CANONICAL_DECIMALS[key]);
}

/** A canonical metric value in the unit system's unit (unrounded). */
export function fromMetric(key: ConvertibleVital, metric: number, system: UnitSystem): number {
  if (system === 'metric') return metric;
  switch (key) {
    case 'temperatureC':
      return (metric * 9) / 5 + 32;
    case 'weightKg':
      return metric / LB_KG;
    case 'heightCm':
      return metric / IN_CM;
  }
}

/** Whether a canonical value is the one an entered value stands for (as rounded when stored). */
export function agrees(key: ConvertibleVital, metric: number, entered: EnteredValue): boolean {
  return (
    Math.abs(toMetric(key, entered.value, entered.unit) - metric) < 10 ** -CANONICAL_DECIMALS[key]
  );
}

/** The impossible-value limits of a vital in a unit, to one decimal (for messages). */
export function limitsIn(key: VitalKey, unit: string): { min: number; max: number } {
  const l = VITAL_LIMITS[key];
  if (!isConvertible(key) || unit === VITAL_UNITS[key].metric) return { min: l.min, max: l.max };
  const system: UnitSystem = 'imperial';
  return {
    min: round(fromMetric(key, l.min, system), 1),
    max: round(fromMetric(key, l.max, system), 1),
  };
}

type StoredVitals = Partial<Record<VitalKey, number>> & {
  entered?: Partial<Record<ConvertibleVital, EnteredValue>>;
};

/**
 * A vital of a record as the clinic reads it: the value as typed when it was
 * typed in the shown unit, otherwise converted from the canonical value to one
 * decimal. Undefined when the record does not have it.
 */
export function shownVital(
  content: StoredVitals,
  key: VitalKey,
  system: UnitSystem,
): number | undefined {
  const metric = content[key];
  if (metric === undefined) return undefined;
  if (!isConvertible(key)) return metric;
  const unit = VITAL_UNITS[key][system];
  const typed = content.entered?.[key];
  if (typed && typed.unit === unit) return typed.value;
  // Typed in metric (no `entered`) and read in metric: exactly as typed.
  if (!typed && system === 'metric') return metric;
  return round(fromMetric(key, metric, system), 1);
}

/**
 * The content a vitals form sends, from the numbers typed in the clinic's
 * units: canonical metric values, plus each value typed in a non-metric unit
 * as typed (so it is shown back exactly).
 */
export function vitalsFromTyped(
  typed: Partial<Record<VitalKey, number>>,
  system: UnitSystem,
): StoredVitals {
  const out: StoredVitals = {};
  const entered: Partial<Record<ConvertibleVital, EnteredValue>> = {};
  for (const [key, value] of Object.entries(typed) as [VitalKey, number | undefined][]) {
    if (value === undefined) continue;
    if (!isConvertible(key) || system === 'metric') {
      out[key] = value;
      continue;
    }
    const unit = VITAL_UNITS[key][system];
    out[key] = toMetric(key, value, unit);
    entered[key] = { value, unit };
  }
  if (Object.keys(entered).length > 0) out.entered = entered;
  return out;
}
