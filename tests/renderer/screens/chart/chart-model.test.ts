import { describe, expect, it } from 'vitest';
import {
  allergyLine,
  checkSection,
  contentErrors,
  contentLines,
  dayQueue,
  draftDue,
  noteFromDraft,
} from '../../../../renderer/src/screens/chart/chart-model';
import { chartRoute } from '../../../../renderer/src/screens/chart/route';
import type { AppointmentStatus } from '../../../../shared/domain/enums';

const P = '7f1c1a52-3b7e-4a8e-9b51-5b0c2f0a9d11';
const A = '0b8f2d4e-6c1a-4f3b-8e2d-9a7c5b3e1f00';

describe('the chart address', () => {
  it('names the day, a chart tab and a visit, and reads back what it writes', () => {
    expect(chartRoute.place([]).view).toEqual({ kind: 'day' });
    expect(chartRoute.place([P]).view).toEqual({ kind: 'chart', patientId: P, tab: 'timeline' });
    expect(chartRoute.place([P, 'allergy']).view).toEqual({
      kind: 'chart',
      patientId: P,
      tab: 'allergy',
    });
    expect(chartRoute.place([P, 'nonsense']).view).toEqual({
      kind: 'chart',
      patientId: P,
      tab: 'timeline',
    });
    const visit = { kind: 'visit', patientId: P, appointmentId: A } as const;
    expect(chartRoute.href(visit)).toBe(`#/chart/${P}/visit/${A}`);
    expect(chartRoute.place([P, 'visit', A]).view).toEqual(visit);
  });
});

describe('the header', () => {
  it('tells "No known allergies" from "Allergies not recorded"', () => {
    const none = { allergies: [], activeProblems: [] };
    expect(allergyLine({ ...none, allergyStatus: 'none_known' })).toBe('No known allergies');
    expect(allergyLine({ ...none, allergyStatus: 'not_recorded' })).toBe('Allergies not recorded');
    expect(
      allergyLine({
        allergyStatus: 'recorded',
        activeProblems: [],
        allergies: [
          { substance: 'Penicillin', reaction: 'Hives', severity: 'severe' },
          { substance: 'Latex', reaction: '', severity: '' },
        ],
      }),
    ).toBe('Penicillin (severe), Latex');
  });
});

describe('the add forms', () => {
  it('refuse impossible vitals with the core’s message, on the field', () => {
    const r = checkSection('vitals', { systolic: '400', diastolic: '20', heartRate: '' }, 'metric');
    expect(r).toEqual({
      ok: false,
      errors: { systolic: 'Systolic pressure must be between 50 and 300 mmHg' },
    });
  });

  it('turn typed text into content: numbers parsed, blanks left out', () => {
    expect(
      checkSection('vitals', { systolic: '180', diastolic: '110', spo2: '' }, 'metric'),
    ).toEqual({
      ok: true,
      content: { systolic: 180, diastolic: 110 },
    });
    expect(
      checkSection('prescription', { drug: 'Ramipril', dose: '', frequency: '' }, 'metric'),
    ).toMatchObject({
      ok: false,
      errors: { dose: 'Required', frequency: 'Required' },
    });
  });

  it('take vitals in the clinic’s imperial units: metric stored, the value kept as typed', () => {
    expect(checkSection('vitals', { weightKg: '154.3', heightCm: '69.7' }, 'imperial')).toEqual({
      ok: true,
      content: {
        weightKg: 69.9893,
        heightCm: 177.038,
        entered: {
          weightKg: { value: 154.3, unit: '[lb_av]' },
          heightCm: { value: 69.7, unit: '[in_i]' },
        },
      },
    });
    expect(checkSection('vitals', { temperatureC: '120' }, 'imperial')).toEqual({
      ok: false,
      errors: { temperatureC: 'Temperature must be between 77 and 113 °F' },
    });
  });

  it('put the core’s issues back on the fields', () => {
    expect(
      contentErrors([{ path: 'content.spo2', message: 'SpO2 must be between 50 and 100 %' }]),
    ).toEqual({
      spo2: 'SpO2 must be between 50 and 100 %',
    });
  });
});

describe('opened records', () => {
  it('read vitals with units, flags and BMI', () => {
    expect(
      contentLines(
        'vitals',
        {
          systolic: 180,
          diastolic: 110,
          spo2: 91,
          weightKg: 70,
          heightCm: 177,
        },
        'metric',
      ),
    ).toEqual([
      ['Blood pressure', '180/110 mmHg (abnormal)'],
      ['SpO2', '91 % (low)'],
      ['Weight', '70 kg'],
      ['Height', '177 cm'],
      ['BMI', '22.3'],
    ]);
  });

  it('read vitals typed in pounds and inches back as typed, and in metric once the clinic switches', () => {
    const content = {
      weightKg: 69.9893,
      heightCm: 177.038,
      entered: {
        weightKg: { value: 154.3, unit: '[lb_av]' },
        heightCm: { value: 69.7, unit: '[in_i]' },
      },
    };
    expect(contentLines('vitals', content, 'imperial')).toEqual([
      ['Weight', '154.3 lb'],
      ['Height', '69.7 in'],
      ['BMI', '22.3'],
    ]);
    expect(contentLines('vitals', content, 'metric')).toEqual([
      ['Weight', '70 kg'],
      ['Height', '177 cm'],
      ['BMI', '22.3'],
    ]);
  });

  it('flag a lab result from its range, or say why there is no flag', () => {
    const lab = (referenceRange: string) =>
      contentLines(
        'lab_result',
        { test: 'Potassium', value: 5.6, unit: 'mmol/L', referenceRange },
        'metric',
      );
    expect(lab('3.5-5.0').at(-1)).toEqual(['Flag', 'High (reference 3.5-5.0)']);
    expect(lab('see report').at(-1)?.[1]).toContain('not in a form the app understands');
  });
});

describe('the visit note', () => {
  it('becomes a note without its empty sections, tied to the appointment', () => {
    expect(
      noteFromDraft({ subjective: 'Cough', objective: ' ', assessment: '', plan: 'Rest' }, A),
    ).toEqual({
      appointmentId: A,
      subjective: 'Cough',
      plan: 'Rest',
    });
  });

  it('is saved a second after typing pauses, and every 4 s while it goes on', () => {
    const at = (now: number, lastEditAt: number, lastSavedAt: number, dirty = true) =>
      draftDue({ dirty, lastEditAt, lastSavedAt, now });
    expect(at(10_500, 10_000, 9_000)).toBe(false);
    expect(at(11_000, 10_000, 9_000)).toBe(true);
    expect(at(13_000, 12_900, 9_000)).toBe(true);
    expect(at(20_000, 10_000, 9_000, false)).toBe(false);
  });
});

describe('the day', () => {
  it('lists the doctor’s own appointments, checked-in first, then by time', () => {
    const a = (id: string, status: AppointmentStatus, at: string, doctorId = 'me') => ({
      id,
      status,
      scheduledAt: at,
      doctorId,
    });
    const day = [
      a('1', 'scheduled', '2026-12-02T09:00:00.000Z'),
      a('2', 'checked_in', '2026-12-02T11:00:00.000Z'),
      a('3', 'cancelled', '2026-12-02T08:00:00.000Z'),
      a('4', 'checked_in', '2026-12-02T10:00:00.000Z'),
      a('5', 'checked_in', '2026-12-02T07:00:00.000Z', 'other'),
    ];
    expect(dayQueue(day, 'me').map((x) => x.id)).toEqual(['4', '2', '1']);
  });
});
