// The chart's trends through the services: vitals over time with their
// normal band, repeated lab tests flagged from their reference range, an
// amendment replacing what it amends, reads audited, front desk refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { clinicWorld } from '../world';

describe('chart trends', () => {
  let w: Awaited<ReturnType<typeof clinicWorld>>;
  beforeAll(async () => {
    w = await clinicWorld();
  });
  afterAll(() => w.close());

  it('draws each vital with its band and each repeated lab test with its flags', () => {
    const patientId = w.patient.id;
    const at = (day: number) => `2026-0${day}-01T09:00:00.000Z`;
    for (const [day, heartRate] of [
      [1, 72],
      [2, 110],
      [3, 68],
    ] as const)
      w.services.records.createRecord(w.doctorSession, {
        patientId,
        recordType: 'vitals',
        content: { heartRate },
        recordedAt: at(day),
        sign: true,
      });
    const lab = (day: number, value: number, referenceRange: string) =>
      w.services.records.createRecord(w.doctorSession, {
        patientId,
        recordType: 'lab_result',
        content: { test: 'Potassium', value, unit: 'mmol/L', referenceRange },
        recordedAt: at(day),
        sign: true,
      });
    lab(1, 4.2, '3.5-5.0');
    const wrong = lab(2, 9.9, '3.5-5.0');
    lab(3, 3.1, '3.5-5.0');
    // The 9.9 was a typing error, corrected by an amendment: the trend shows 5.6.
    w.services.records.amendRecord(w.doctorSession, {
      id: wrong.id,
      content: { test: 'Potassium', value: 5.6, unit: 'mmol/L', referenceRange: '3.5-5.0' },
      sign: true,
    });
    const db = writableDb(w.store);
    const reads = () =>
      (
        db
          .prepare(
            "SELECT count(*) AS n FROM audit_logs WHERE action = 'read' AND tableAffected = 'medical_records'",
          )
          .get() as { n: number }
      ).n;
    const before = reads();
    const t = w.services.trends.trends(w.doctorSession, { patientId });
    const hr = t.vitals.find((v) => v.key === 'heartRate');
    expect(hr?.points.map((p) => p.v)).toEqual([72, 110, 68]);
    expect(hr?.band).toEqual({ low: 50, high: 100 });
    expect(t.labs).toHaveLength(1);
    // The correction stands where the result it corrects stood in time.
    expect(t.labs[0]?.points.map((p) => [p.v, p.flag])).toEqual([
      [4.2, 'normal'],
      [5.6, 'high'],
      [3.1, 'low'],
    ]);
    expect(reads()).toBeGreaterThanOrEqual(before + 6);
  });

  it('refuses front desk', () => {
    expect(() => w.services.trends.trends(w.desk, { patientId: w.patient.id })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
