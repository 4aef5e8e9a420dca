// The summary of one visit: the visit note, the vitals, diagnoses and
// prescriptions recorded that day, with the clinic's letterhead and the
// doctor. Built from decrypted content the core already checked.
import type {
  DiagnosisContent,
  NoteContent,
  PrescriptionContent,
  VitalsContent,
} from '../../../shared/charting/content';
import { VITAL_LIMITS, VITAL_KEYS } from '../../../shared/charting/content';
import { abnormalVitals, bmi } from '../../../shared/charting/vitals';
import type { ClinicLocale, UnitSystem } from '../../../shared/domain/clinic-locale';
import { shownVital, unitLabel } from '../../../shared/charting/units';
import { formatDate, formatDateTime } from '../../../shared/format';
import { facts, heading, letterhead, renderPdf, type Letterhead } from './clinical-pdf';

export interface VisitSummaryDoc {
  clinic: Letterhead;
  patient: { name: string; dateOfBirth: string; medicalRecordNumber: string };
  doctor: { name: string; licenseNumber: string };
  /** The visit's start (UTC ISO), written in the clinic's zone and format. */
  visitAt: string;
  locale: ClinicLocale;
  /** Vitals are written in the clinic's units (as typed when typed in them). */
  units: UnitSystem;
  reason: string | null;
  notes: NoteContent[];
  vitals: VitalsContent[];
  diagnoses: DiagnosisContent[];
  prescriptions: PrescriptionContent[];
}

export function visitSummaryPdf(d: VisitSummaryDoc): Promise<Buffer> {
  return renderPdf('Visit summary', (doc) => {
    letterhead(doc, d.clinic, 'Visit summary');
    facts(doc, [
      ['Visit', formatDateTime(d.visitAt, d.locale)],
      ['Patient', d.patient.name],
      ['Date of birth', formatDate(d.patient.dateOfBirth, d.locale)],
      ['MRN', d.patient.medicalRecordNumber],
      ['Doctor', `${d.doctor.name} (licence ${d.doctor.licenseNumber})`],
      ['Reason', d.reason],
    ]);
    heading(doc, 'Note');
    if (d.notes.length === 0) doc.text('No note recorded for this visit.');
    for (const n of d.notes)
      facts(doc, [
        ['Subjective', n.subjective],
        ['Objective', n.objective],
        ['Assessment', n.assessment],
        ['Plan', n.plan],
        ['Note', n.text],
      ]);
    heading(doc, 'Vitals');
    if (d.vitals.length === 0) doc.text('None recorded.');
    for (const v of d.vitals) {
      const flags = abnormalVitals(v);
      const parts: string[] = [];
      if (v.systolic !== undefined && v.diastolic !== undefined)
        parts.push(
          `BP ${v.systolic}/${v.diastolic} mmHg${flags.systolic || flags.diastolic ? ' (abnormal)' : ''}`,
        );
      for (const k of VITAL_KEYS) {
        const shown = shownVital(v, k, d.units);
        if (k !== 'systolic' && k !== 'diastolic' && shown !== undefined)
          parts.push(
            `${VITAL_LIMITS[k].label} ${shown} ${unitLabel(k, d.units)}${flags[k] ? ` (${flags[k]})` : ''}`,
          );
      }
      const b = bmi(v);
      if (b !== null) parts.push(`BMI ${b}`);
      doc.text(parts.join('; '));
    }
    heading(doc, 'Diagnoses');
    if (d.diagnoses.length === 0) doc.text('None recorded.');
    for (const x of d.diagnoses)
      doc.text(`${x.code} ${x.description}${x.status === 'resolved' ? ' (resolved)' : ''}`);
    heading(doc, 'Prescriptions');
    if (d.prescriptions.length === 0) doc.text('None written.');
    for (const p of d.prescriptions)
      doc.text(
        [p.drug, p.strength, p.form, p.dose, p.route, p.frequency]
          .filter((s) => s !== undefined && s !== '')
          .join(' · ') + (p.status === 'stopped' ? ' (stopped)' : ''),
      );
  });
}
