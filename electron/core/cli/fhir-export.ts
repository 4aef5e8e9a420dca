// `ehrbs export --fhir --patient ID|MRN`: one patient's chart as a FHIR R4
// Bundle, for a user who reads clinical content (doctors). The service
// decrypts, audits each read and the export; this only finds the patient and
// writes the file (never over an existing one) or stdout.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Services } from '../services/services';
import { authenticate } from './authenticate';
import { EXIT, type CliOutput } from './command';
import { partialPathFor, publish } from '../files/output-file';

export async function fhirExport(
  store: ClinicStore,
  services: Services,
  tenantId: string,
  a: { email: string; patient: string; out: string | null },
  io: CliOutput,
): Promise<number> {
  const { session, recordLogin } = await authenticate(store, services, tenantId, a.email, {
    capability: 'records.read_content',
    refusal: 'Only a user who reads clinical records (a doctor) can export a chart.',
  });
  const patient =
    services.repos.patients.find(tenantId, a.patient) ??
    services.repos.patients.list(tenantId, {
      where: 'medicalRecordNumber = ?',
      params: [a.patient.trim()],
      limit: 1,
    })[0];
  if (!patient) throw new AppError('NOT_FOUND', 'No patient has that id or record number.');
  recordLogin();
  const { json, resources } = services.chartExports.fhir(session, { patientId: patient.id });
  if (a.out === null) {
    io.out(`${json}\n`);
    return EXIT.ok;
  }
  const partial = partialPathFor(a.out);
  try {
    const fd = openSync(partial, 'wx', 0o600);
    try {
      writeSync(fd, `${json}\n`);
    } finally {
      closeSync(fd);
    }
    publish(partial, a.out);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  io.note(
    `Exported the chart (${resources} FHIR resources) to ${a.out}. It is unencrypted: keep it safe and delete it when done.\n`,
  );
  return EXIT.ok;
}
