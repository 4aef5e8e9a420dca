// Invented clinical content for demo records, one shape per record type. The
// content is encrypted per record by the records service like any other.
import type { RecordContent } from '../../../shared/api/records';
import type { RecordType } from '../../../shared/domain/enums';
import { assertNever } from '../../../shared/errors';
import type { Prng } from './prng';

// prettier-ignore
const DIAGNOSES = [
  ['J06.9', 'Upper respiratory tract infection'], ['I10', 'Essential hypertension'],
  ['E11.9', 'Type 2 diabetes mellitus'], ['M54.5', 'Low back pain'], ['L20.9', 'Atopic dermatitis'],
  ['J45.9', 'Asthma'], ['K21.9', 'Gastro-oesophageal reflux disease'], ['F41.1', 'Generalised anxiety disorder'],
  ['M17.1', 'Osteoarthritis of the knee'], ['N39.0', 'Urinary tract infection'], ['H66.9', 'Otitis media'],
  ['I48.9', 'Atrial fibrillation'], ['L40.0', 'Psoriasis vulgaris'], ['E03.9', 'Hypothyroidism'],
] as const;

// prettier-ignore
const DRUGS = [
  ['Amoxicillin', '500 mg', 'three times a day', 7], ['Ramipril', '5 mg', 'once a day', 28],
  ['Metformin', '500 mg', 'twice a day', 28], ['Salbutamol inhaler', '100 micrograms, 2 puffs', 'as needed', 30],
  ['Omeprazole', '20 mg', 'once a day', 28], ['Sertraline', '50 mg', 'once a day', 28],
  ['Levothyroxine', '75 micrograms', 'once a day', 28], ['Ibuprofen', '400 mg', 'three times a day', 5],
  ['Hydrocortisone 1% cream', 'thin layer', 'twice a day', 14], ['Apixaban', '5 mg', 'twice a day', 28],
] as const;

// prettier-ignore
const LABS = [
  ['HbA1c', 38, 58, 'mmol/mol', '20-41'], ['Total cholesterol', 3.2, 7.1, 'mmol/L', '< 5.0'],
  ['TSH', 0.2, 6.5, 'mU/L', '0.27-4.2'], ['Haemoglobin', 105, 165, 'g/L', '115-165'],
  ['eGFR', 48, 110, 'mL/min/1.73m2', '> 90'], ['CRP', 1, 45, 'mg/L', '< 5'],
] as const;

const ALLERGENS = [
  'Penicillin',
  'Peanuts',
  'Latex',
  'Aspirin',
  'Shellfish',
  'House dust mite',
  'Codeine',
] as const;
const REACTIONS = ['Rash', 'Hives', 'Wheeze', 'Swelling of lips', 'Nausea', 'Anaphylaxis'] as const;
const COMPLAINTS = [
  'a persistent cough for two weeks',
  'intermittent headaches',
  'lower back pain after lifting',
  'an itchy rash on both forearms',
  'palpitations when climbing stairs',
  'tiredness and low mood',
  'knee pain worse on stairs',
  'a sore throat and mild fever',
] as const;
const PLANS = [
  'Safety-netting advice given; review in two weeks if no better.',
  'Bloods requested; will discuss results by phone.',
  'Started treatment as prescribed; follow up in four weeks.',
  'Referred for specialist opinion.',
  'Lifestyle advice given; patient happy with plan.',
] as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function demoRecordContent(rng: Prng, type: RecordType): RecordContent {
  switch (type) {
    case 'note':
      return {
        text: `Seen today with ${rng.pick(COMPLAINTS)}. Observations unremarkable apart from the above. ${rng.pick(PLANS)}`,
      };
    case 'vitals':
      return {
        systolic: rng.int(104, 162),
        diastolic: rng.int(62, 98),
        heartRate: rng.int(54, 104),
        temperatureC: round1(36 + rng.next() * 2.2),
        respiratoryRate: rng.int(12, 20),
        spo2: rng.int(94, 100),
        weightKg: round1(45 + rng.next() * 60),
        heightCm: rng.int(150, 195),
      };
    case 'diagnosis': {
      const [code, description] = rng.pick(DIAGNOSES);
      return {
        system: 'ICD-10',
        code,
        description,
        status: rng.chance(0.7) ? 'active' : 'resolved',
      };
    }
    case 'allergy':
      return {
        substance: rng.pick(ALLERGENS),
        reaction: rng.pick(REACTIONS),
        severity: rng.pick(['mild', 'moderate', 'severe']),
      };
    case 'prescription': {
      const [drug, dose, frequency, days] = rng.pick(DRUGS);
      return { drug, dose, frequency, durationDays: days, repeats: rng.int(0, 3) };
    }
    case 'lab_result': {
      const [test, lo, hi, unit, referenceRange] = rng.pick(LABS);
      return { test, value: round1(lo + rng.next() * (hi - lo)), unit, referenceRange };
    }
    case 'document':
      return {
        title: rng.pick([
          'Referral letter',
          'Discharge summary',
          'Clinic letter',
          'Imaging report',
        ]),
        summary: `Correspondence about ${rng.pick(COMPLAINTS)}, filed for reference.`,
      };
    default:
      return assertNever(type);
  }
}
