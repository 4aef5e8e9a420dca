// A printable prescription: the clinic's letterhead, the patient, the
// prescriber with their licence number, and the medication as prescribed
// (the current version of its chain), with a line for the signature.
import type { PrescriptionContent } from '../../../shared/charting/content';
import type { ClinicLocale } from '../../../shared/domain/clinic-locale';
import { formatDate } from '../../../shared/format';
import { facts, heading, letterhead, renderPdf, type Letterhead } from './clinical-pdf';

export interface PrescriptionDoc {
  clinic: Letterhead;
  patient: { name: string; dateOfBirth: string; medicalRecordNumber: string };
  prescriber: { name: string; licenseNumber: string };
  /** The clinic's calendar date the prescription was written. */
  date: string;
  signedAt: string | null;
  rx: PrescriptionContent;
  /** Dates are written in the clinic's format and zone. */
  locale: ClinicLocale;
}

export function prescriptionPdf(d: PrescriptionDoc): Promise<Buffer> {
  return renderPdf('Prescription', (doc) => {
    letterhead(doc, d.clinic, 'Prescription');
    facts(doc, [
      ['Date', formatDate(d.date, d.locale)],
      ['Patient', d.patient.name],
      ['Date of birth', formatDate(d.patient.dateOfBirth, d.locale)],
      ['MRN', d.patient.medicalRecordNumber],
    ]);
    heading(doc, d.rx.strength ? `${d.rx.drug} ${d.rx.strength}` : d.rx.drug);
    facts(doc, [
      ['Form', d.rx.form],
      ['Dose', d.rx.dose],
      ['Route', d.rx.route],
      ['Frequency', d.rx.frequency],
      ['Duration', d.rx.durationDays ? `${d.rx.durationDays} days` : null],
      ['Quantity', d.rx.quantity],
      ['Repeats', d.rx.repeats !== undefined ? String(d.rx.repeats) : null],
      ['Instructions', d.rx.instructions],
    ]);
    heading(doc, 'Prescriber');
    facts(doc, [
      ['Name', d.prescriber.name],
      ['Licence number', d.prescriber.licenseNumber],
      ['Signed electronically', d.signedAt ? formatDate(d.signedAt, d.locale) : null],
    ]);
    doc.moveDown(2);
    doc.text('Signature: ______________________________');
  });
}
