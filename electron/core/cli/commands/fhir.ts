// `ehrbs fhir`: one patient's chart as a FHIR R4 Bundle, the command issue 9
// names. The same code as `ehrbs export --fhir --patient` (cli/fhir-export.ts),
// which stays for scripts that use it.
import { AppError } from '../../../../shared/errors';
import { servicesFor } from '../../services/services';
import { optionalString, requireString } from '../args';
import type { Command } from '../command';
import { fhirExport } from '../fhir-export';
import { checkNewFile } from '../../files/output-file';
import {
  integrityProblems,
  openStore,
  requireClinic,
  requireCurrentSchema,
  withStore,
} from '../store-access';

export const fhirCommand: Command = {
  name: 'fhir',
  summary: "write one patient's chart as a FHIR R4 Bundle",
  usage: `usage: ehrbs fhir --data DIR --user EMAIL --patient ID|MRN [--out FILE]

Writes one patient's chart (the patient, their records: notes, vitals,
problems, allergies, prescriptions, results) as a FHIR R4 Bundle of type
collection, in JSON, for a user who reads clinical records (a doctor). Every
record read and the export are audited. The same as
"ehrbs export --fhir --patient …".

Exit status: 0 when written; 1 when refused (not a doctor, no such patient,
--out exists); 3 when the store fails its integrity check.

  --data DIR      the store's data directory
  --user EMAIL    the doctor exporting (password from EHRBS_PASSWORD or asked)
  --patient P     the patient's id or medical record number
  --out FILE      where to write (refused if FILE exists); default: stdout

Environment: EHRBS_PASSPHRASE, EHRBS_PASSWORD.`,
  options: {
    data: { type: 'string' },
    user: { type: 'string' },
    patient: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, io) {
    const dataDir = requireString('fhir', values, 'data');
    const email = requireString('fhir', values, 'user');
    const patient = requireString('fhir', values, 'patient');
    const outArg = optionalString(values, 'out');
    const out = outArg === undefined ? null : checkNewFile(outArg);
    const store = await openStore(dataDir, { migrate: false });
    return withStore(store, async () => {
      requireCurrentSchema(store);
      const problems = integrityProblems(store);
      if (problems)
        throw new AppError(
          'INTEGRITY_FAILED',
          `The store failed its integrity check (${problems.count} problem${problems.count === 1 ? '' : 's'}; first: ${problems.first}), so nothing was exported.`,
        );
      const services = servicesFor(store);
      return fhirExport(store, services, requireClinic(store), { email, patient, out }, io);
    });
  },
};
