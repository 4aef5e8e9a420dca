import { describe, expect, it } from 'vitest';
import { AllergyContent, NoteContent, VitalsContent } from '../../../shared/charting/content';
import { abnormalVitals, bmi } from '../../../shared/charting/vitals';
import { ageInYears } from '../../../shared/charting/age';
import { allergyMatches } from '../../../shared/charting/allergy-match';
import { searchIcd10 } from '../../../shared/charting/icd10-starter';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('vitals', () => {
  it('refuses impossible values with the limit and unit, accepts abnormal ones and flags them', () => {
    expect(messages(VitalsContent.safeParse({ systolic: 400, diastolic: 20, spo2: 120 }))).toEqual([
      'Systolic pressure must be between 50 and 300 mmHg',
      'SpO2 must be between 50 and 100 %',
    ]);
    const high = VitalsContent.parse({ systolic: 180, diastolic: 110, spo2: 91, heartRate: 70 });
    expect(abnormalVitals(high)).toEqual({ systolic: 'high', diastolic: 'high', spo2: 'low' });
  });

  it('needs both halves of a blood pressure, diastolic below systolic, and one measurement', () => {
    expect(messages(VitalsContent.safeParse({ systolic: 120 }))).toEqual([
      'blood pressure needs both systolic and diastolic',
    ]);
    expect(messages(VitalsContent.safeParse({ systolic: 90, diastolic: 95 }))).toEqual([
      'diastolic pressure must be lower than systolic',
    ]);
    expect(messages(VitalsContent.safeParse({}))).toEqual(['enter at least one measurement']);
  });

  it('computes BMI to one decimal only with weight and height', () => {
    expect(bmi({ weightKg: 70, heightCm: 177 })).toBe(22.3);
    expect(bmi({ weightKg: 70 })).toBeNull();
  });
});

describe('notes, allergies, age', () => {
  it('refuses an empty note, accepts SOAP or free text', () => {
    expect(messages(NoteContent.safeParse({ text: ' ', plan: '' }))).toEqual([
      'write the note before saving it',
    ]);
    expect(NoteContent.safeParse({ assessment: 'Viral URTI' }).success).toBe(true);
  });

  it('accepts an allergy or an explicit "no known allergies", nothing in between', () => {
    expect(AllergyContent.parse({ substance: 'Latex' })).toEqual({
      substance: 'Latex',
      reaction: '',
      severity: 'moderate',
      status: 'active',
    });
    expect(AllergyContent.safeParse({ noKnownAllergies: false }).success).toBe(false);
  });

  it('counts whole years, turning on the birthday', () => {
    expect(ageInYears('1975-12-03', '2026-12-02')).toBe(50);
    expect(ageInYears('1975-12-03', '2026-12-03')).toBe(51);
  });
});

describe('allergy match when prescribing', () => {
  it('matches by name either way and through drug classes, ignoring case', () => {
    expect(allergyMatches('Amoxicillin 500 mg', ['Penicillin', 'Latex'])).toEqual(['Penicillin']);
    expect(allergyMatches('aspirin', ['Aspirin'])).toEqual(['Aspirin']);
    expect(allergyMatches('Ibuprofen', ['NSAIDs'])).toEqual(['NSAIDs']);
    expect(allergyMatches('Ramipril', ['Penicillin', 'Peanuts'])).toEqual([]);
    expect(allergyMatches('', ['Penicillin'])).toEqual([]);
  });
});

describe('ICD-10 starter search', () => {
  it('finds by code prefix and by the start of each word, offline', () => {
    expect(searchIcd10('I1')).toEqual([
      { code: 'I10', description: 'Essential (primary) hypertension' },
    ]);
    expect(searchIcd10('back pa').map((c) => c.code)).toEqual(['M54.5']);
    expect(searchIcd10('asth').map((c) => c.code)).toEqual(['J45.9']);
    expect(searchIcd10('   ')).toEqual([]);
    expect(searchIcd10('unspecified', 3)).toHaveLength(3);
  });
});
