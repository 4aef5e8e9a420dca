// Trends of a patient's vitals and repeated lab tests, and the abnormal flag
// of a lab result computed from its reference range (never stored: it is
// derived from the value and the range each time).
import { VITAL_KEYS, VITAL_LIMITS, type VitalKey } from './content';
import { NORMAL_BANDS } from './vitals';
import { fromMetric, isConvertible, shownVital, unitLabel } from './units';
import type { UnitSystem } from '../domain/clinic-locale';

export interface Band {
  low: number;
  high: number;
}

/**
 * A reference range as labs write it: "3.5-5.0", "3.5 – 5.0", "3.5 to 5.0",
 * "<5.7", "≤ 200", ">60", "≥ 1.0". Anything else (text, several ranges,
 * low above high) is not understood: null, and the result gets no flag.
 */
export function parseReferenceRange(text: string): Band | null {
  const t = text.trim().replace(/,/g, '.');
  const num = String.raw`(-?\d+(?:\.\d+)?)`;
  const between = new RegExp(String.raw`^${num}\s*(?:-|–|—|to)\s*${num}$`, 'i').exec(t);
  if (between) {
    const low = Number(between[1]);
    const high = Number(between[2]);
    return low <= high ? { low, high } : null;
  }
  const upper = new RegExp(String.raw`^(?:<|≤|<=)\s*${num}$`).exec(t);
  if (upper) return { low: Number.NEGATIVE_INFINITY, high: Number(upper[1]) };
  const lower = new RegExp(String.raw`^(?:>|≥|>=)\s*${num}$`).exec(t);
  if (lower) return { low: Number(lower[1]), high: Number.POSITIVE_INFINITY };
  return null;
}

/** 'low' / 'high' outside the range, 'normal' inside, 'unknown' when the range is missing or not understood. */
export type LabFlag = 'low' | 'high' | 'normal' | 'unknown';

export function labFlag(value: number, referenceRange: string): LabFlag {
  const band = parseReferenceRange(referenceRange);
  if (!band) return 'unknown';
  if (value < band.low) return 'low';
  if (value > band.high) return 'high';
  return 'normal';
}

/** What the chart says about a flag, for people. */
export function labFlagText(flag: LabFlag, referenceRange: string): string {
  switch (flag) {
    case 'low':
      return `Low (reference ${referenceRange.trim()})`;
    case 'high':
      return `High (reference ${referenceRange.trim()})`;
    case 'normal':
      return `Within the reference range (${referenceRange.trim()})`;
    case 'unknown':
      return referenceRange.trim() === ''
        ? 'No flag: no reference range was given'
        : `No flag: the reference range “${referenceRange.trim()}” is not in a form the app understands`;
  }
}

export interface TrendPoint {
  /** Milliseconds since the epoch. */
  t: number;
  v: number;
}

export interface VitalTrend {
  key: VitalKey;
  label: string;
  unit: string;
  band: Band | null;
  points: TrendPoint[];
}

export interface LabTrend {
  test: string;
  unit: string;
  /** The range of the latest result, if understood. */
  band: Band | null;
  referenceRange: string;
  points: (TrendPoint & { flag: LabFlag })[];
}

interface Dated<C> {
  recordedAt: string;
  content: C;
}

const byTime = (a: TrendPoint, b: TrendPoint) => a.t - b.t;

/** A normal band in the unit system's unit (bands are metric, like stored values). */
function bandIn(key: VitalKey, system: UnitSystem): Band | null {
  const band = NORMAL_BANDS[key];
  if (!band || !isConvertible(key)) return band ?? null;
  const to = (v: number) => Math.round(fromMetric(key, v, system) * 10) / 10;
  return { low: to(band.low), high: to(band.high) };
}

/** One series per vital that has at least one value, oldest first, in the clinic's units. */
export function vitalTrends(
  records: readonly Dated<Record<string, unknown>>[],
  system: UnitSystem,
): VitalTrend[] {
  return VITAL_KEYS.flatMap((key) => {
    const points = records
      .filter((r) => typeof r.content[key] === 'number')
      .map((r) => ({
        t: Date.parse(r.recordedAt),
        v: shownVital(r.content as Parameters<typeof shownVital>[0], key, system) ?? 0,
      }))
      .sort(byTime);
    if (points.length === 0) return [];
    const label = VITAL_LIMITS[key].label;
    return [{ key, label, unit: unitLabel(key, system), band: bandIn(key, system), points }];
  });
}

/** One series per lab test and unit (the name compared without case), for tests with at least two results. */
export function labTrends(records: readonly Dated<Record<string, unknown>>[]): LabTrend[] {
  const groups = new Map<string, LabTrend>();
  const sorted = [...records].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  for (const r of sorted) {
    const { test, value, unit, referenceRange } = r.content;
    if (typeof test !== 'string' || typeof value !== 'number' || typeof unit !== 'string') continue;
    const range = typeof referenceRange === 'string' ? referenceRange : '';
    const id = `${test.trim().toLowerCase()}|${unit.trim()}`;
    const trend = groups.get(id) ?? {
      test: test.trim(),
      unit: unit.trim(),
      band: null,
      referenceRange: '',
      points: [],
    };
    trend.points.push({ t: Date.parse(r.recordedAt), v: value, flag: labFlag(value, range) });
    trend.referenceRange = range;
    trend.band = parseReferenceRange(range);
    groups.set(id, trend);
  }
  return [...groups.values()].filter((g) => g.points.length >= 2);
}
