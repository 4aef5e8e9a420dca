// Vitals in metric or imperial units: stored metric plus the value as typed,
// so nothing drifts when read back in either system; impossible values are
// refused in the unit typed; the content schema refuses a typed value that
// does not match its stored one.
import { describe, expect, it } from 'vitest';
import { VitalsContent } from '../../../shared/charting/content';
import {
  fromMetric,
  limitsIn,
  shownVital,
  toMetric,
  vitalsFromTyped,
} from '../../../shared/charting/units';
import { bmi } from '../../../shared/charting/vitals';

const messagesOf = (content: unknown) => {
  const r = VitalsContent.safeParse(content);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('conversions', () => {
  it('uses the exact definitions of the pound, the inch and the Fahrenheit scale', () => {
    expect(toMetric('weightKg', 1, '[lb_av]')).toBe(0.4536);
    expect(toMetric('heightCm', 1, '[in_i]')).toBe(2.54);
    expect(toMetric('temperatureC', 98.6, '[degF]')).toBe(37);
    expect(toMetric('temperatureC', 32, '[degF]')).toBe(0);
    expect(fromMetric('temperatureC', 100, 'imperial')).toBe(212);
    expect(toMetric('weightKg', 70, 'kg')).toBe(70);
  });

  it('shows 177 cm as 177 cm, and 69.7 in typed as 69.7 in, in their own systems', () => {
    const metric = vitalsFromTyped({ heightCm: 177 }, 'metric');
    expect(metric).toEqual({ heightCm: 177 });
    expect(shownVital(metric, 'heightCm', 'metric')).toBe(177);
    expect(shownVital(metric, 'heightCm', 'imperial')).toBe(69.7);

    const imperial = vitalsFromTyped(
      { heightCm: 69.7, weightKg: 154.3, temperatureC: 99.1 },
      'imperial',
    );
    expect(imperial).toEqual({
      heightCm: 177.038,
      weightKg: 69.9893,
      temperatureC: 37.278,
      entered: {
        heightCm: { value: 69.7, unit: '[in_i]' },
        weightKg: { value: 154.3, unit: '[lb_av]' },
        temperatureC: { value: 99.1, unit: '[degF]' },
      },
    });
    expect(shownVital(imperial, 'heightCm', 'imperial')).toBe(69.7);
    expect(shownVital(imperial, 'weightKg', 'imperial')).toBe(154.3);
    expect(shownVital(imperial, 'temperatureC', 'imperial')).toBe(99.1);
    // The same record in a clinic that switched to metric: converted, to one decimal.
    expect(shownVital(imperial, 'heightCm', 'metric')).toBe(177);
    expect(shownVital(imperial, 'weightKg', 'metric')).toBe(70);
  });

  it('never drifts: every typed imperial value reads back exactly, whatever it is', () => {
    for (let tenths = 80; tenths <= 1020; tenths += 7) {
      const value = tenths / 10;
      const stored = vitalsFromTyped(
        { heightCm: value, temperatureC: 77 + (value % 36) },
        'imperial',
      );
      expect(VitalsContent.safeParse(stored).success).toBe(true);
      expect(shownVital(stored, 'heightCm', 'imperial')).toBe(value);
    }
  });

  it('leaves blood pressure, rates and SpO2 alone, and BMI is computed from the metric values', () => {
    const stored = vitalsFromTyped(
      { systolic: 120, diastolic: 80, spo2: 98, weightKg: 154.3, heightCm: 69.7 },
      'imperial',
    );
    expect(stored).toMatchObject({ systolic: 120, diastolic: 80, spo2: 98 });
    expect(shownVital(stored, 'systolic', 'imperial')).toBe(120);
    expect(bmi(VitalsContent.parse(stored))).toBe(22.3);
  });
});

describe('validation in the unit typed', () => {
  it('refuses an impossible imperial value with its limits in that unit', () => {
    expect(limitsIn('temperatureC', '[degF]')).toEqual({ min: 77, max: 113 });
    expect(messagesOf(vitalsFromTyped({ temperatureC: 120 }, 'imperial'))).toEqual([
      'temperatureC: Temperature must be between 77 and 113 °F',
    ]);
    expect(messagesOf(vitalsFromTyped({ weightKg: 1200 }, 'imperial'))).toEqual([
      'weightKg: Weight must be between 0.7 and 1102.3 lb',
    ]);
  });

  it('keeps the metric messages for a metric clinic', () => {
    expect(messagesOf({ temperatureC: 50 })).toEqual([
      'temperatureC: Temperature must be between 25 and 45 °C',
    ]);
    expect(messagesOf({ spo2: 120 })).toEqual(['spo2: SpO2 must be between 50 and 100 %']);
  });

  it('refuses a typed value that does not stand for the stored one, or has none', () => {
    expect(
      messagesOf({ heightCm: 150, entered: { heightCm: { value: 69.7, unit: '[in_i]' } } }),
    ).toEqual(['heightCm: Height does not match the value typed (69.7 in)']);
    expect(
      messagesOf({ spo2: 98, entered: { weightKg: { value: 150, unit: '[lb_av]' } } }),
    ).toEqual(['weightKg: Weight is missing its value']);
    expect(
      messagesOf({ weightKg: 70, entered: { weightKg: { value: 70, unit: '[in_i]' } } }).length,
    ).toBe(1);
  });
});
