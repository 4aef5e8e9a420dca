// Files made from a chart: a printable prescription, a visit summary (PDF)
// and a FHIR R4 Bundle of the whole chart. Every record decrypted for them
// is audited as a read (decryptRecord), and each file as an export.
import { clinicLocaleOf, type ClinicLocale } from '../../../shared/domain/clinic-locale';
import { randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../../shared/api/channels';
import type { FhirExport } from '../../../shared/api/chart-exports';
import {
  DiagnosisContent,
  NoteContent,
  PrescriptionContent,
  VitalsContent,
} from '../../../shared/charting/content';
import type { MedicalRecord } from '../../../shared/domain/medical-record';
import { AppError } from '../../../shared/errors';
import { localDateOf, utcToZoned } from '../../../shared/scheduling';
import type { ClinicStore } from '../clinic/clinic-store';
import { fhirBundle } from '../documents/fhir-bundle';
import type { Letterhead } from '../documents/clinical-pdf';
import { prescriptionPdf } from '../documents/prescription-pdf';
import { visitSummaryPdf } from '../documents/visit-summary-pdf';
import type { Repositories } from '../repos/repositories';
import { CurrentListsService } from './current-lists-service';
import { decryptRecord } from './records-service';
import { requireOpen } from './sensitive-patients-service';
import { requireCap, type Session } from './session';

type Content = Record<string, unknown>;
interface PdfFile {
  fileName: string;
  base64: string;
}

export class ChartExportsService {
  private readonly lists: CurrentListsService;

  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {
    this.lists = new CurrentListsService(store, repos);
  }

  private letterhead(tenantId: string): Letterhead {
    const t = this.repos.tenants.get(tenantId, tenantId);
    return { name: t.name, address: t.address, contactEmail: t.contactEmail, phone: t.phone };
  }

  private practitioner(tenantId: string, doctorId: string) {
    const d = this.repos.doctors.get(tenantId, doctorId);
    const name = this.repos.users.find(tenantId, d.userId)?.displayName ?? '';
    return { id: d.id, name, licenseNumber: d.licenseNumber };
  }

  private patientLine(tenantId: string, patientId: string) {
    const p = this.repos.patients.get(tenantId, patientId);
    return {
      name: `${p.givenName} ${p.familyName}`,
      dateOfBirth: p.dateOfBirth,
      medicalRecordNumber: p.medicalRecordNumber,
    };
  }

  private timeZone(tenantId: string): string {
    return this.repos.tenants.get(tenantId, tenantId).timeZone;
  }

  private locale(tenantId: string): ClinicLocale {
    return clinicLocaleOf(this.repos.tenants.get(tenantId, tenantId));
  }

  /** The current version of a signed, active medication as a printable prescription. */
  async prescription(
    session: Session,
    r: ChannelInput<'documents.prescription'>,
  ): Promise<PdfFile> {
    requireCap(session, 'records.read_content');
    const tenantId = session.actor.tenantId;
    const rec = this.repos.medicalRecords.get(tenantId, r.id);
    if (rec.recordType !== 'prescription')
      throw new AppError('VALIDATION_FAILED', 'Only a prescription can be printed.');
    const chain = this.lists
      .chains(session, rec.patientId, 'prescription')
      .find((c) => c.ids.includes(rec.id));
    if (!chain) throw new AppError('NOT_FOUND', 'That record was not found.');
    const current = this.repos.medicalRecords.get(tenantId, chain.current.id);
    const rx = PrescriptionContent.parse(chain.current.content);
    if (rx.status === 'stopped')
      throw new AppError(
        'INVALID_TRANSITION',
        'This medication was stopped; it cannot be printed.',
      );
    if (!current.signedAt)
      throw new AppError('INVALID_TRANSITION', 'Sign the prescription before printing it.');
    const pdf = await prescriptionPdf({
      clinic: this.letterhead(tenantId),
      patient: this.patientLine(tenantId, rec.patientId),
      prescriber: this.practitioner(tenantId, current.doctorId),
      date: localDateOf(Date.parse(current.recordedAt), this.timeZone(tenantId)),
      signedAt: current.signedAt,
      rx,
      locale: this.locale(tenantId),
    });
    this.store.audit(session.actor, 'export', 'medical_records', current.id, 'prescription pdf');
    return {
      fileName: `prescription-${current.id.slice(0, 8)}.pdf`,
      base64: pdf.toString('base64'),
    };
  }

  /**
   * One visit: its note (tied to the appointment, or written that day without
   * one) and the vitals, diagnoses and prescriptions recorded on the visit's
   * local day; a version amended the same day gives way to its amendment.
   */
  async visitSummary(
    session: Session,
    r: ChannelInput<'documents.visitSummary'>,
  ): Promise<PdfFile> {
    requireCap(session, 'records.read_content');
    const tenantId = session.actor.tenantId;
    const appt = this.repos.appointments.get(tenantId, r.appointmentId);
    // The summary names the patient even on a day with no records: gated before anything is read.
    requireOpen(this.store, session, appt.patientId);
    const tz = this.timeZone(tenantId);
    const at = utcToZoned(Date.parse(appt.scheduledAt), tz);
    const rows = this.repos.medicalRecords
      .list(tenantId, {
        where: "patientId = ? AND recordType IN ('note', 'vitals', 'diagnosis', 'prescription')",
        params: [appt.patientId],
        orderBy: 'recordedAt ASC, id ASC',
      })
      .filter((x) => localDateOf(Date.parse(x.recordedAt), tz) === at.date);
    const amended = new Set(rows.map((x) => x.amendsRecordId).filter((x) => x !== null));
    const day = rows.filter((x) => !amended.has(x.id));
    const contents = this.store.transaction(() =>
      day.map((rec) => ({ rec, c: decryptRecord(this.store, tenantId, rec, session) as Content })),
    );
    const of = (t: MedicalRecord['recordType']) => contents.filter((x) => x.rec.recordType === t);
    const pdf = await visitSummaryPdf({
      clinic: this.letterhead(tenantId),
      patient: this.patientLine(tenantId, appt.patientId),
      doctor: this.practitioner(tenantId, appt.doctorId),
      visitAt: appt.scheduledAt,
      locale: this.locale(tenantId),
      units: this.repos.tenants.get(tenantId, tenantId).unitSystem,
      reason: appt.notes || null,
      notes: of('note')
        .filter((x) => x.c['appointmentId'] === undefined || x.c['appointmentId'] === appt.id)
        .map((x) => NoteContent.parse(x.c)),
      vitals: of('vitals').map((x) => VitalsContent.parse(x.c)),
      diagnoses: of('diagnosis').map((x) => DiagnosisContent.parse(x.c)),
      prescriptions: of('prescription').map((x) => PrescriptionContent.parse(x.c)),
    });
    this.store.audit(session.actor, 'export', 'appointments', appt.id, 'visit summary pdf');
    return { fileName: `visit-summary-${at.date}.pdf`, base64: pdf.toString('base64') };
  }

  /** The whole chart of one patient as a FHIR R4 Bundle (type collection). */
  fhir(session: Session, r: ChannelInput<'chart.fhirExport'>): FhirExport {
    requireCap(session, 'records.read_content');
    const tenantId = session.actor.tenantId;
    const patient = this.repos.patients.get(tenantId, r.patientId);
    requireOpen(this.store, session, patient.id);
    const rows = this.repos.medicalRecords.list(tenantId, {
      where: 'patientId = ?',
      params: [patient.id],
      orderBy: 'recordedAt ASC, id ASC',
    });
    const appointments = this.repos.appointments.list(tenantId, {
      where: 'patientId = ?',
      params: [patient.id],
      orderBy: 'scheduledAt ASC',
    });
    const records = this.store.transaction(() =>
      rows.map((rec) => ({
        rec,
        content: decryptRecord(this.store, tenantId, rec, session) as Content,
      })),
    );
    const doctorIds = [
      ...new Set([...rows.map((x) => x.doctorId), ...appointments.map((a) => a.doctorId)]),
    ];
    const bundle = fhirBundle({
      patient,
      practitioners: doctorIds
        .filter((id) => this.repos.doctors.find(tenantId, id))
        .map((id) => this.practitioner(tenantId, id)),
      appointments,
      records,
      now: this.store.nowIso(),
      bundleId: randomUUID(),
    });
    this.store.audit(
      session.actor,
      'export',
      'patients',
      patient.id,
      `fhir bundle, ${bundle.entry.length} resources`,
    );
    return {
      fileName: `chart-fhir-${localDateOf(this.store.now(), this.timeZone(tenantId))}.json`,
      json: JSON.stringify(bundle, null, 2),
      resources: bundle.entry.length,
    };
  }
}
