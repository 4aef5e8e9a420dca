// Which patients are likely the same person: the one rule both the New patient
// form (while typing) and the admin's Duplicates list use, so what the front
// desk was warned about is what the admin later sees.
//
// A pair is likely the same person when it has
//   - the same family name and date of birth, or
//   - the same phone number (digits only, at least 6 of them), or
//   - a close name (edit distance ≤ 2 on the whole name, or the same phonetic
//     key for both given and family name) and the same date of birth.
// Names are compared without case, accents, spaces or punctuation.

export type DuplicateReason = 'same_family_and_birth' | 'same_phone' | 'similar_name_and_birth';

export interface DuplicateProbe {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone: string;
}

/** Lower case, accents and everything but letters removed: "Ó'Brien-Smith" → "obriensmith". */
export const normalizeName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');

/** The digits of a phone number, or '' when there are too few to tell two numbers apart. */
export const phoneDigits = (phone: string): string => {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 6 ? digits : '';
};

const soundexCodes: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

/** American Soundex of a normalized name ("robert" and "rupert" → R163); '' for no letters. */
export function soundex(name: string): string {
  const s = normalizeName(name).replace(/[^a-z]/g, '');
  const first = s[0];
  if (first === undefined) return '';
  let out = first.toUpperCase();
  let last = soundexCodes[first] ?? '';
  for (const ch of s.slice(1)) {
    const code = soundexCodes[ch] ?? '';
    // h and w do not separate letters with the same code; vowels do.
    if (ch === 'h' || ch === 'w') continue;
    if (code && code !== last) out += code;
    last = code;
    if (out.length === 4) break;
  }
  return out.padEnd(4, '0');
}

/** Whether the edit distance between a and b is at most `max` (banded, stops early). */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = row;
  }
  return (prev[b.length] ?? max + 1) <= max;
}

const sameish = (x: string, y: string) => x !== '' && x === y;

/** Why `a` and `b` are likely the same person, most telling first; empty when they are not. */
export function duplicateReasons(a: DuplicateProbe, b: DuplicateProbe): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const sameBirth = a.dateOfBirth !== '' && a.dateOfBirth === b.dateOfBirth;
  const familyA = normalizeName(a.familyName);
  const familyB = normalizeName(b.familyName);
  if (sameBirth && sameish(familyA, familyB)) reasons.push('same_family_and_birth');
  if (sameish(phoneDigits(a.phone), phoneDigits(b.phone))) reasons.push('same_phone');
  if (sameBirth && !reasons.includes('same_family_and_birth')) {
    const nameA = normalizeName(a.givenName) + familyA;
    const nameB = normalizeName(b.givenName) + familyB;
    const close =
      (nameA.length >= 3 && withinEditDistance(nameA, nameB, 2)) ||
      (sameish(soundex(a.givenName), soundex(b.givenName)) &&
        sameish(soundex(a.familyName), soundex(b.familyName)));
    if (close) reasons.push('similar_name_and_birth');
  }
  return reasons;
}

/** The words the screens use for each reason. */
export const duplicateReasonLabel: Record<DuplicateReason, string> = {
  same_family_and_birth: 'Same family name and date of birth',
  same_phone: 'Same phone number',
  similar_name_and_birth: 'Similar name and same date of birth',
};
