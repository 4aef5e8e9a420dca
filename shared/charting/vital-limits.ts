// The vital signs the chart records, with the canonical metric unit each is
// stored in and the limits outside which a value is physically impossible
// (refused). Its own module so content.ts and units.ts can both use it.
/** Limits outside which a value is impossible (refused), with the canonical unit each is stored in. */
export const VITAL_LIMITS = {
  systolic: { label: 'Systolic pressure', unit: 'mmHg', min: 50, max: 300, int: true },
  diastolic: { label: 'Diastolic pressure', unit: 'mmHg', min: 20, max: 200, int: true },
  heartRate: { label: 'Heart rate', unit: '/min', min: 20, max: 300, int: true },
  respiratoryRate: { label: 'Respiratory rate', unit: '/min', min: 4, max: 80, int: true },
  temperatureC: { label: 'Temperature', unit: '°C', min: 25, max: 45, int: false },
  spo2: { label: 'SpO2', unit: '%', min: 50, max: 100, int: true },
  weightKg: { label: 'Weight', unit: 'kg', min: 0.3, max: 500, int: false },
  heightCm: { label: 'Height', unit: 'cm', min: 20, max: 260, int: false },
} as const;
export type VitalKey = keyof typeof VITAL_LIMITS;
export const VITAL_KEYS = Object.keys(VITAL_LIMITS) as VitalKey[];
