// One patient's chart as a FHIR R4 Bundle of type "collection": Patient,
// Practitioner (each author), Encounter (each visit), Condition (current
// version of each problem, ICD-10), AllergyIntolerance, MedicationRequest
// (current version of each medication, stopped ones with their reason),
// Observation (vital signs with LOINC and UCUM; lab results), and
// DocumentReference (notes, with their text; documents' metadata).
// Every entry's fullUrl is `urn:uuid:<id>` and every reference uses it, so
// references resolve inside the bundle. Built from content the core already
// decrypted and checked; pure, so it is tested on its own.
import { createHash } from 'node:crypto';
import type { MedicalRecord } from '../../../shared/domain/medical-record';
import type { Patient } from '../../../shared/domain/patient';
import type { Appointment } from '../../../shared/domain/appointment';
import { currentVersions } from '../../../shared/charting/current-list';
import { VITAL_KEYS, type VitalKey } from '../../../shared/charting/content';
import { VITAL_LOINC, bmi } from '../../../shared/charting/vitals';

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;
export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

export interface FhirInput {
  patient: Patient;
  practitioners: { id: string; name: string; licenseNumber: string }[];
  appointments: Appointment[];
  records: { rec: MedicalRecord; content: Record<string, unknown> }[];
  now: string;
  bundleId: string;
}

export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
export const LOINC_SYSTEM = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** A stable UUID for a resource derived from a record (one vitals record makes several Observations). */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const VITAL_UCUM: Record<VitalKey, { unit: string; code: string; display: string }> = {
  systolic: { unit: 'mmHg', code: 'mm[Hg]', display: 'Systolic blood pressure' },
  diastolic: { unit: 'mmHg', code: 'mm[Hg]', display: 'Diastolic blood pressure' },
  heartRate: { unit: '/min', code: '/min', display: 'Heart rate' },
  respiratoryRate: { unit: '/min', code: '/min', display: 'Respiratory rate' },
  temperatureC: { unit: 'Cel', code: 'Cel', display: 'Body temperature' },
  spo2: { unit: '%', code: '%', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
  weightKg: { unit: 'kg', code: 'kg', display: 'Body weight' },
  heightCm: { unit: 'cm', code: 'cm', display: 'Body height' },
};

const category = (code: string, display: string) => [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code, display },
    ],
  },
];
const loinc = (code: string, display: string) => ({
  coding: [{ system: LOINC_SYSTEM, code, display }],
  text: display,
});
const quantity = (value: number, unit: string, code: string) => ({
  value,
  unit,
  system: UCUM,
  code,
});

export function fhirBundle(input: FhirInput): FhirBundle {
  const { patient } = input;
  const subject = ref(patient.id);
  const out: FhirResource[] = [];
  const known = new Set(input.practitioners.map((p) => p.id));
  const author = (doctorId: string) => (known.has(doctorId) ? ref(doctorId) : undefined);

  out.push({
    resourceType: 'Patient',
    id: patient.id,
    identifier: [{ system: 'urn:ehrbs:mrn', value: patient.medicalRecordNumber }],
    name: [{ family: patient.familyName, given: [patient.givenName] }],
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
    ...(patient.phone || patient.email
      ? {
          telecom: [
            ...(patient.phone ? [{ system: 'phone', value: patient.phone }] : []),
            ...(patient.email ? [{ system: 'email', value: patient.email }] : []),
          ],
        }
      : {}),
    ...(patient.address ? { address: [{ text: patient.address }] } : {}),
  });
  for (const p of input.practitioners)
    out.push({
      resourceType: 'Practitioner',
      id: p.id,
      identifier: [{ system: 'urn:ehrbs:licence', value: p.licenseNumber }],
      name: [{ text: p.name }],
    });

  const encounters = new Set<string>();
  for (const a of input.appointments) {
    if (a.status !== 'completed' && a.status !== 'in_progress') continue;
    encounters.add(a.id);
    const end = new Date(Date.parse(a.scheduledAt) + a.durationMinutes * 60_000).toISOString();
    out.push({
      resourceType: 'Encounter',
      id: a.id,
      status: a.status === 'completed' ? 'finished' : 'in-progress',
      class: {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        code: 'AMB',
        display: 'ambulatory',
      },
      subject,
      period: { start: a.scheduledAt, ...(a.status === 'completed' ? { end } : {}) },
      ...(author(a.doctorId) ? { participant: [{ individual: author(a.doctorId) }] } : {}),
    });
  }

  const ofType = (t: MedicalRecord['recordType']) =>
    input.records
      .filter((r) => r.rec.recordType === t)
      .map((r) => ({ ...r.rec, content: r.content }));
  const current = (
    t: MedicalRecord['recordType'],
    ended: (c: Record<string, unknown>) => boolean,
  ) =>
    currentVersions(ofType(t), ended).map((c) => {
      const rec = input.records.find((r) => r.rec.id === c.current.id);
      return { chainId: c.rootId, rec: c.current, doctorId: rec?.rec.doctorId ?? '' };
    });

  for (const { chainId, rec, doctorId } of current(
    'diagnosis',
    (c) => c['status'] === 'resolved',
  )) {
    const c = rec.content;
    const resolved = c['status'] === 'resolved';
    out.push({
      resourceType: 'Condition',
      id: chainId,
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
            code: resolved ? 'resolved' : 'active',
          },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
            code: 'confirmed',
          },
        ],
      },
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-category',
              code: 'problem-list-item',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: ICD10_SYSTEM, code: str(c['code']), display: str(c['description']) }],
        text: str(c['description']),
      },
      subject,
      ...(str(c['onset']) ? { onsetDateTime: str(c['onset']) } : {}),
      ...(resolved && str(c['resolvedOn']) ? { abatementDateTime: str(c['resolvedOn']) } : {}),
      recordedDate: rec.recordedAt,
      ...(author(doctorId) ? { recorder: author(doctorId) } : {}),
    });
  }

  for (const { chainId, rec, doctorId } of current('allergy', (c) => c['status'] === 'inactive')) {
    const c = rec.content;
    const none = c['noKnownAllergies'] === true;
    out.push({
      resourceType: 'AllergyIntolerance',
      id: chainId,
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
            code: c['status'] === 'inactive' ? 'inactive' : 'active',
          },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
            code: 'confirmed',
          },
        ],
      },
      code: none
        ? {
            coding: [
              { system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' },
            ],
            text: 'No known allergies',
          }
        : { text: str(c['substance']) },
      patient: subject,
      recordedDate: rec.recordedAt,
      ...(author(doctorId) ? { recorder: author(doctorId) } : {}),
      ...(!none && (str(c['reaction']) || str(c['severity']))
        ? {
            reaction: [
              {
                manifestation: [{ text: str(c['reaction']) || 'Not described' }],
                ...(str(c['severity']) ? { severity: str(c['severity']) } : {}),
              },
            ],
          }
        : {}),
    });
  }

  for (const { chainId, rec, doctorId } of current(
    'prescription',
    (c) => c['status'] === 'stopped',
  )) {
    const c = rec.content;
    const stopped = c['status'] === 'stopped';
    const duration = num(c['durationDays']);
    const repeats = num(c['repeats']);
    out.push({
      resourceType: 'MedicationRequest',
      id: chainId,
      status: stopped ? 'stopped' : 'active',
      ...(stopped && str(c['stopReason']) ? { statusReason: { text: str(c['stopReason']) } } : {}),
      intent: 'order',
      medicationCodeableConcept: {
        text: [str(c['drug']), str(c['strength']), str(c['form'])].filter(Boolean).join(' '),
      },
      subject,
      authoredOn: rec.recordedAt,
      ...(author(doctorId) ? { requester: author(doctorId) } : {}),
      dosageInstruction: [
        {
          text: [str(c['dose']), str(c['frequency'])].filter(Boolean).join(', '),
          ...(str(c['instructions']) ? { patientInstruction: str(c['instructions']) } : {}),
          ...(str(c['route']) ? { route: { text: str(c['route']) } } : {}),
        },
      ],
      ...(duration !== undefined || repeats !== undefined
        ? {
            dispenseRequest: {
              ...(repeats !== undefined ? { numberOfRepeatsAllowed: repeats } : {}),
              ...(duration !== undefined
                ? { expectedSupplyDuration: quantity(duration, 'days', 'd') }
                : {}),
            },
          }
        : {}),
      ...(str(c['quantity']) ? { note: [{ text: `Quantity: ${str(c['quantity'])}` }] } : {}),
    });
  }

  for (const { chainId, rec, doctorId } of current('vitals', () => false)) {
    const c = rec.content;
    const base = {
      resourceType: 'Observation',
      status: 'final',
      category: category('vital-signs', 'Vital Signs'),
      subject,
      effectiveDateTime: rec.recordedAt,
      ...(author(doctorId) ? { performer: [author(doctorId)] } : {}),
    };
    const sys = num(c['systolic']);
    const dia = num(c['diastolic']);
    if (sys !== undefined && dia !== undefined)
      out.push({
        ...base,
        id: derivedId(chainId, 'bp'),
        code: loinc('85354-9', 'Blood pressure panel with all children optional'),
        component: [
          {
            code: loinc(VITAL_LOINC.systolic, VITAL_UCUM.systolic.display),
            valueQuantity: quantity(sys, 'mmHg', 'mm[Hg]'),
          },
          {
            code: loinc(VITAL_LOINC.diastolic, VITAL_UCUM.diastolic.display),
            valueQuantity: quantity(dia, 'mmHg', 'mm[Hg]'),
          },
        ],
      });
    for (const k of VITAL_KEYS) {
      const v = num(c[k]);
      if (v === undefined || k === 'systolic' || k === 'diastolic') continue;
      const u = VITAL_UCUM[k];
      out.push({
        ...base,
        id: derivedId(chainId, k),
        code: loinc(VITAL_LOINC[k], u.display),
        valueQuantity: quantity(v, u.unit, u.code),
      });
    }
    const b = bmi({ weightKg: num(c['weightKg']), heightCm: num(c['heightCm']) });
    if (b !== null)
      out.push({
        ...base,
        id: derivedId(chainId, 'bmi'),
        code: loinc('39156-5', 'Body mass index (BMI) [Ratio]'),
        valueQuantity: quantity(b, 'kg/m2', 'kg/m2'),
      });
  }

  for (const { chainId, rec, doctorId } of current('lab_result', () => false)) {
    const c = rec.content;
    out.push({
      resourceType: 'Observation',
      id: chainId,
      status: 'final',
      category: category('laboratory', 'Laboratory'),
      code: { text: str(c['test']) },
      subject,
      effectiveDateTime: rec.recordedAt,
      ...(author(doctorId) ? { performer: [author(doctorId)] } : {}),
      valueQuantity: { value: num(c['value']) ?? 0, unit: str(c['unit']) },
      ...(str(c['referenceRange']) ? { referenceRange: [{ text: str(c['referenceRange']) }] } : {}),
    });
  }

  // Notes and documents: every version (an amendment appends to what it amends).
  for (const { rec, content: c } of input.records) {
    if (rec.recordType !== 'note' && rec.recordType !== 'document') continue;
    const note = rec.recordType === 'note';
    const text = note
      ? (
          [
            ['Subjective', c['subjective']],
            ['Objective', c['objective']],
            ['Assessment', c['assessment']],
            ['Plan', c['plan']],
            ['', c['text']],
          ] as const
        )
          .filter(([, v]) => str(v) !== '')
          .map(([k, v]) => (k ? `${k}: ${str(v)}` : str(v)))
          .join('\n')
      : str(c['summary']);
    const appointmentId = str(c['appointmentId']);
    out.push({
      resourceType: 'DocumentReference',
      id: rec.id,
      status: 'current',
      docStatus: rec.signedAt ? 'final' : 'preliminary',
      type: note ? loinc('11506-3', 'Progress note') : { text: 'Document' },
      subject,
      date: rec.recordedAt,
      ...(author(rec.doctorId) ? { author: [author(rec.doctorId)] } : {}),
      ...(rec.amendsRecordId && input.records.some((r) => r.rec.id === rec.amendsRecordId)
        ? { relatesTo: [{ code: 'appends', target: ref(rec.amendsRecordId) }] }
        : {}),
      ...(!note && text ? { description: text } : {}),
      content: [
        {
          // Notes carry their text; a document's file is not stored yet, so only its metadata.
          attachment: note
            ? {
                contentType: 'text/plain; charset=utf-8',
                data: Buffer.from(text, 'utf8').toString('base64'),
                title: 'Visit note',
              }
            : {
                ...(str(c['mimeType']) ? { contentType: str(c['mimeType']) } : {}),
                title: str(c['title']),
              },
        },
      ],
      ...(appointmentId && encounters.has(appointmentId)
        ? { context: { encounter: [ref(appointmentId)] } }
        : {}),
    });
  }

  return {
    resourceType: 'Bundle',
    id: input.bundleId,
    type: 'collection',
    timestamp: input.now,
    entry: out.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
