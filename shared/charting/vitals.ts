// Abnormal (accepted, flagged) vitals, as opposed to invalid ones (refused by
// VitalsContent). Bands are adult reference ranges.
import type { VitalKey, VitalsContent } from './content';

export const NORMAL_BANDS: Partial<Record<VitalKey, { low: number; high: number }>> = {
  systolic: { low: 90, high: 139 },
  diastolic: { low: 60, high: 89 },
  heartRate: { low: 50, high: 100 },
  respiratoryRate: { low: 12, high: 20 },
  temperatureC: { low: 36, high: 37.9 },
  spo2: { low: 94, high: 100 },
};

export type VitalFlag = 'low' | 'high';

/** The vitals outside their normal band, each with its direction. */
export function abnormalVitals(v: VitalsContent): Partial<Record<VitalKey, VitalFlag>> {
  const out: Partial<Record<VitalKey, VitalFlag>> = {};
  for (const [key, band] of Object.entries(NORMAL_BANDS) as [
    VitalKey,
    { low: number; high: number },
  ][]) {
    const value = v[key];
    if (value === undefined) continue;
    if (value < band.low) out[key] = 'low';
    else if (value > band.high) out[key] = 'high';
  }
  return out;
}

/** Body-mass index to one decimal, or null without both weight and height. */
export function bmi(v: Pick<VitalsContent, 'weightKg' | 'heightCm'>): number | null {
  if (v.weightKg === undefined || v.heightCm === undefined) return null;
  const m = v.heightCm / 100;
  return Math.round((v.weightKg / (m * m)) * 10) / 10;
}

/** LOINC codes of the vital signs (for exports and displays). */
export const VITAL_LOINC: Record<VitalKey, string> = {
  systolic: '8480-6',
  diastolic: '8462-4',
  heartRate: '8867-4',
  respiratoryRate: '9279-1',
  temperatureC: '8310-5',
  spo2: '59408-5',
  weightKg: '29463-7',
  heightCm: '8302-2',
};
