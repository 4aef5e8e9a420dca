// `ehrbs export`: the whole clinic as JSON, for an admin with the export permission.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { servicesFor } from '../../services/services';
import { optionalString, requireString } from '../args';
import { authenticate } from '../authenticate';
import { EXIT, type Command } from '../command';
import { countExport, writeExport } from '../export-dump';
import { fhirExport } from '../fhir-export';
import { checkNewFile, partialPathFor, publish } from '../../files/output-file';
import {
  integrityProblems,
  openStore,
  requireClinic,
  requireCurrentSchema,
  withStore,
} from '../store-access';
import { AppError } from '../../../../shared/errors';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the whole clinic as JSON (admins with the export permission)',
  usage: `usage: ehrbs export --data DIR --user EMAIL [--out FILE]
       ehrbs export --fhir --patient ID|MRN --data DIR --user EMAIL [--out FILE]

Writes the clinic as one JSON object with one array per entity, named after it:
tenants, users (without password hashes), doctors, patients, admins,
appointments, medical_records (with the decrypted content in "data"), messages
(with the decrypted text in "body"), billing, invoice_line_items, payments,
devices, refunds, price_items, day_closes and audit_logs. The clinic's profile
(address, contact email, phone, time zone, currency, dateFormat, timeFormat,
unitSystem) is
on its tenants row, each invoice's doctor in doctorId. The export is recorded in the audit log.

THE EXPORT IS PLAIN TEXT: it holds every patient's data unencrypted. Keep it
on encrypted storage and delete it when done.

  --data DIR     the store's data directory
  --user EMAIL   the acting admin (needs the export permission)
  --out FILE     where to write (refused if FILE exists); default: stdout
  --force        export even if the store fails its integrity check
  --fhir         instead: one patient's chart as a FHIR R4 Bundle (JSON, type
                 collection), for a doctor; audited like any read of the chart
  --patient P    with --fhir: the patient's id or medical record number

A store that fails SQLite's integrity check is refused (exit 3) unless --force
is given: an export of a damaged store may be incomplete.

Environment: EHRBS_PASSPHRASE, EHRBS_PASSWORD (the admin's password).`,
  options: {
    data: { type: 'string' },
    user: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    fhir: { type: 'boolean' },
    patient: { type: 'string' },
  },
  async run(values, io) {
    const dataDir = requireString('export', values, 'data');
    const email = requireString('export', values, 'user');
    const outArg = optionalString(values, 'out');
    const out = outArg === undefined ? null : checkNewFile(outArg);
    const store = await openStore(dataDir, { migrate: false });
    return withStore(store, async () => {
      requireCurrentSchema(store);
      const services = servicesFor(store);
      const tenantId = requireClinic(store);
      const problems = values['force'] === true ? null : integrityProblems(store);
      if (problems)
        throw new AppError(
          'INTEGRITY_FAILED',
          `The store failed its integrity check (${problems.count} problem${problems.count === 1 ? '' : 's'}; first: ${problems.first}), so nothing was exported; add --force to export what can be read.`,
        );
      if (values['fhir'] === true)
        return fhirExport(
          store,
          services,
          tenantId,
          { email, patient: requireString('export', values, 'patient'), out },
          io,
        );
      const { session, recordLogin } = await authenticate(store, services, tenantId, email, {
        capability: 'export.run',
        refusal: 'Only an admin with the export permission can export the clinic.',
      });
      const audit = (counts: Record<string, number>) => {
        recordLogin();
        const detail = Object.entries(counts)
          .map(([t, n]) => `${t}=${n}`)
          .join(' ');
        store.audit(session.actor, 'export', 'tenants', tenantId, detail);
      };
      if (out === null) {
        // On stdout the data leaves as it is written, so the export is audited first.
        audit(countExport(store, tenantId));
        writeExport(store, services, tenantId, (chunk) => io.out(chunk));
        return EXIT.ok;
      }
      const partial = partialPathFor(out);
      try {
        const fd = openSync(partial, 'wx', 0o600);
        let counts;
        try {
          counts = writeExport(store, services, tenantId, (chunk) => void writeSync(fd, chunk));
        } finally {
          closeSync(fd);
        }
        audit(counts);
        publish(partial, out);
      } catch (e) {
        rmSync(partial, { force: true });
        throw e;
      }
      io.note(
        `Exported the clinic to ${out}. It is unencrypted: keep it safe and delete it when done.\n`,
      );
      return EXIT.ok;
    });
  },
};
