// The rule that says two patients are likely the same person.
import { describe, expect, it } from 'vitest';
import {
  duplicateReasons,
  normalizeName,
  phoneDigits,
  soundex,
  withinEditDistance,
} from '../../../shared/patients/duplicates';

const p = (over: Partial<Parameters<typeof duplicateReasons>[0]> = {}) => ({
  givenName: 'Margaret',
  familyName: 'Okafor',
  dateOfBirth: '1961-04-12',
  phone: '',
  ...over,
});

describe('likely duplicate rule', () => {
  it('normalizes names and phone numbers', () => {
    expect(normalizeName("  Ó'Brien-Smith ")).toBe('obriensmith');
    expect(phoneDigits('+44 (20) 7946-0018')).toBe('442079460018');
    expect(phoneDigits('12-34')).toBe('');
  });

  it('computes Soundex and bounded edit distance', () => {
    expect(soundex('Robert')).toBe('R163');
    expect(soundex('Rupert')).toBe('R163');
    expect(soundex('Ashcraft')).toBe('A261');
    expect(soundex('Tymczak')).toBe('T522');
    expect(soundex('')).toBe('');
    expect(withinEditDistance('margaret', 'margret', 2)).toBe(true);
    expect(withinEditDistance('okafor', 'okafour', 1)).toBe(true);
    expect(withinEditDistance('margaret', 'marjorie', 2)).toBe(false);
    expect(withinEditDistance('abc', 'abcdef', 2)).toBe(false);
  });

  it('same family name and birth date, whatever the given name or case', () => {
    expect(duplicateReasons(p(), p({ givenName: 'Peggy', familyName: 'OKAFOR' }))).toEqual([
      'same_family_and_birth',
    ]);
  });

  it('same phone number, written differently, even with another birth date', () => {
    expect(
      duplicateReasons(
        p({ phone: '+44 20 7946 0018' }),
        p({ givenName: 'X', familyName: 'Y', dateOfBirth: '1990-01-01', phone: '44-2079460018' }),
      ),
    ).toEqual(['same_phone']);
  });

  it('a close name with the same birth date (typo or same sound)', () => {
    expect(duplicateReasons(p(), p({ familyName: 'Okafur' }))).toEqual(['similar_name_and_birth']);
    expect(
      duplicateReasons(
        p({ givenName: 'Robert', familyName: 'Smith' }),
        p({ givenName: 'Rupert', familyName: 'Smyth' }),
      ),
    ).toEqual(['similar_name_and_birth']);
  });

  it('is not a duplicate: same name on another birth date, or a different name', () => {
    expect(duplicateReasons(p(), p({ dateOfBirth: '1961-04-13' }))).toEqual([]);
    expect(duplicateReasons(p(), p({ givenName: 'Chidi', familyName: 'Adeyemi' }))).toEqual([]);
    expect(duplicateReasons(p({ dateOfBirth: '' }), p({ dateOfBirth: '' }))).toEqual([]);
  });
});
