// Demo patients: varied names, ages, phones, addresses and insurers, all drawn
// from a seeded PRNG so the same seed gives the same people.
import type { PatientInput } from '../../../shared/api/patients';
import type { BloodType, Sex } from '../../../shared/domain/enums';
import {
  FAMILY_NAMES,
  FEMALE_NAMES,
  INSURERS,
  MALE_NAMES,
  PHONE_RANGES,
  RELATIONSHIPS,
  STREETS,
  TOWNS,
} from './demo-names';
import { weighted, type Prng } from './prng';

// Roughly the UK's ABO/Rh distribution, with some records not yet typed.
const BLOOD: readonly (readonly [BloodType, number])[] = [
  ['O+', 35],
  ['A+', 30],
  ['B+', 8],
  ['AB+', 2],
  ['O-', 6],
  ['A-', 6],
  ['B-', 2],
  ['AB-', 1],
  ['unknown', 10],
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const emailPart = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

export function demoPhone(rng: Prng): string {
  const [prefix, digits] = rng.pick(PHONE_RANGES);
  return `${prefix}${pad(rng.int(0, 10 ** digits - 1), digits)}`;
}

function postcode(rng: Prng, area: string): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const l = () => letters[rng.int(0, letters.length - 1)] ?? 'A';
  return `${area}${rng.int(1, 20)} ${rng.int(1, 9)}${l()}${l()}`;
}

/** A date of birth for someone aged 0-95 on `today` (a clinic-wide age mix). */
function dateOfBirth(rng: Prng, today: Date): string {
  const age = weighted(rng, [
    [rng.int(0, 4), 8],
    [rng.int(5, 17), 14],
    [rng.int(18, 39), 28],
    [rng.int(40, 64), 30],
    [rng.int(65, 95), 20],
  ]);
  const dob = new Date(Date.UTC(today.getUTCFullYear() - age, 0, 1) - rng.int(0, 364) * 86_400_000);
  return dob.toISOString().slice(0, 10);
}

export function demoPatient(rng: Prng, today: Date): PatientInput {
  const sex: Sex = weighted(rng, [
    ['female', 51],
    ['male', 48],
    ['other', 0.5],
    ['unknown', 0.5],
  ]);
  const givenName =
    sex === 'female'
      ? rng.pick(FEMALE_NAMES)
      : sex === 'male'
        ? rng.pick(MALE_NAMES)
        : rng.pick([...FEMALE_NAMES, ...MALE_NAMES]);
  const familyName = rng.pick(FAMILY_NAMES);
  const [town, area] = rng.pick(TOWNS);
  const insured = rng.chance(0.62);
  const insurer = insured ? rng.pick(INSURERS) : '';
  return {
    givenName,
    familyName,
    dateOfBirth: dateOfBirth(rng, today),
    sex,
    bloodType: weighted(rng, BLOOD),
    phone: rng.chance(0.97) ? demoPhone(rng) : '',
    email: rng.chance(0.7)
      ? `${emailPart(givenName)}.${emailPart(familyName)}${rng.int(1, 99)}@${rng.pick(['example.com', 'example.org', 'example.net'])}`
      : '',
    address: `${rng.int(1, 240)} ${rng.pick(STREETS)}, ${town} ${postcode(rng, area)}`,
    emergencyContact: rng.chance(0.85)
      ? {
          name: `${rng.pick([...FEMALE_NAMES, ...MALE_NAMES])} ${rng.chance(0.6) ? familyName : rng.pick(FAMILY_NAMES)}`,
          phone: demoPhone(rng),
          relationship: rng.pick(RELATIONSHIPS),
        }
      : null,
    insuranceProvider: insurer,
    insurancePolicyNumber: insured
      ? `${insurer
          .slice(0, 3)
          .toUpperCase()
          .replace(/[^A-Z]/g, 'X')}${pad(rng.int(0, 99_999_999), 8)}`
      : '',
  };
}
