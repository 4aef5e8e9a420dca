import { describe, expect, it } from 'vitest';
import {
  labFlag,
  labFlagText,
  labTrends,
  parseReferenceRange,
  vitalTrends,
} from '../../../shared/charting/trends';

describe('lab reference ranges and flags', () => {
  it('parses the ranges labs write', () => {
    expect(parseReferenceRange('3.5-5.0')).toEqual({ low: 3.5, high: 5 });
    expect(parseReferenceRange(' 3.5 – 5.0 ')).toEqual({ low: 3.5, high: 5 });
    expect(parseReferenceRange('135 to 145')).toEqual({ low: 135, high: 145 });
    expect(parseReferenceRange('3,5-5,0')).toEqual({ low: 3.5, high: 5 });
    expect(parseReferenceRange('<5.7')).toEqual({ low: -Infinity, high: 5.7 });
    expect(parseReferenceRange('≥ 60')).toEqual({ low: 60, high: Infinity });
  });

  it('does not guess at ranges it does not understand', () => {
    for (const text of ['', 'negative', 'see report', '5.0-3.5', '1-2 or 4-5', '3.5-'])
      expect(parseReferenceRange(text)).toBeNull();
  });

  it('flags a value from its range, and says when it cannot', () => {
    expect(labFlag(5.6, '3.5-5.0')).toBe('high');
    expect(labFlag(3.4, '3.5-5.0')).toBe('low');
    expect(labFlag(5.0, '3.5-5.0')).toBe('normal');
    expect(labFlag(6.1, '<5.7')).toBe('high');
    expect(labFlag(4, 'see report')).toBe('unknown');
    expect(labFlagText('unknown', 'see report')).toContain('not in a form the app understands');
    expect(labFlagText('unknown', '')).toBe('No flag: no reference range was given');
    expect(labFlagText('high', '3.5-5.0')).toBe('High (reference 3.5-5.0)');
  });
});

describe('trends', () => {
  it('makes one series per vital, oldest first, with its normal band', () => {
    const trends = vitalTrends(
      [
        { recordedAt: '2026-02-01T10:00:00.000Z', content: { heartRate: 80, systolic: 150 } },
        { recordedAt: '2026-01-01T10:00:00.000Z', content: { heartRate: 70 } },
      ],
      'metric',
    );
    expect(trends.map((t) => t.key)).toEqual(['systolic', 'heartRate']);
    const hr = trends.find((t) => t.key === 'heartRate');
    expect(hr?.points.map((p) => p.v)).toEqual([70, 80]);
    expect(hr?.band).toEqual({ low: 50, high: 100 });
  });

  it('draws temperature and weight in the clinic’s units, the band converted too', () => {
    const records = [
      {
        recordedAt: '2026-01-01T10:00:00.000Z',
        content: {
          temperatureC: 37.278,
          entered: { temperatureC: { value: 99.1, unit: '[degF]' } },
        },
      },
      { recordedAt: '2026-02-01T10:00:00.000Z', content: { temperatureC: 38, weightKg: 70 } },
    ];
    const imperial = vitalTrends(records, 'imperial');
    const temp = imperial.find((t) => t.key === 'temperatureC');
    expect(temp).toMatchObject({ unit: '°F', band: { low: 96.8, high: 100.2 } });
    expect(temp?.points.map((p) => p.v)).toEqual([99.1, 100.4]);
    expect(imperial.find((t) => t.key === 'weightKg')).toMatchObject({
      unit: 'lb',
      points: [{ v: 154.3 }],
    });
    const metric = vitalTrends(records, 'metric');
    expect(metric.find((t) => t.key === 'temperatureC')).toMatchObject({
      unit: '°C',
      band: { low: 36, high: 37.9 },
      points: [{ v: 37.3 }, { v: 38 }],
    });
  });

  it('groups repeated lab tests by name and unit, each result flagged', () => {
    const lab = (at: string, test: string, value: number, range = '3.5-5.0', unit = 'mmol/L') => ({
      recordedAt: at,
      content: { test, value, unit, referenceRange: range },
    });
    const trends = labTrends([
      lab('2026-01-01T00:00:00.000Z', 'Potassium', 4.1),
      lab('2026-03-01T00:00:00.000Z', 'potassium ', 5.6),
      lab('2026-02-01T00:00:00.000Z', 'Sodium', 140, '135-145'),
    ]);
    expect(trends).toHaveLength(1); // sodium has one result: no trend
    expect(trends[0]?.points.map((p) => [p.v, p.flag])).toEqual([
      [4.1, 'normal'],
      [5.6, 'high'],
    ]);
    expect(trends[0]?.band).toEqual({ low: 3.5, high: 5 });
  });
});
