// `ehrbs codes import`: loads the official ICD-10-CM order file into this
// workstation's code list (reference data, not clinical, never synced: each
// workstation imports the same public file). Parsed whole before anything is
// written, so a malformed file leaves the list as it was.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { parseOrderFile } from '../../store/icd10-codes';
import { requireString } from '../args';
import { EXIT, type Command } from '../command';
import { openStore, withStore } from '../store-access';

/** The order file is about 12 MB for the 74,000 codes of a year's release. */
const MAX_BYTES = 64 * 1024 * 1024;

export const codesImportCommand: Command = {
  name: 'codes import',
  summary: 'load the official ICD-10-CM order file into the code list',
  usage: `usage: ehrbs codes import --data DIR --file FILE

Loads the ICD-10-CM order file (icd10cm_order_YYYY.txt from CMS: fixed width,
a 5-digit order number, the code in 7 columns, 0 for a header or 1 for a valid
diagnosis code, the short description in 60 columns, the long description)
into this workstation's code list, searched by the problem and diagnosis
forms. Codes already in the list get the file's description. The whole file is
checked first: a malformed line is named and nothing is loaded.

Exit status: 0 when loaded; 2 when the file is not in the order file format;
1 on other errors.

  --data DIR     the store's data directory
  --file FILE    the order file

Environment: EHRBS_PASSPHRASE.`,
  options: { data: { type: 'string' }, file: { type: 'string' } },
  async run(values, io) {
    const file = resolve(requireString('codes import', values, 'file'));
    if (!existsSync(file)) throw new AppError('NOT_FOUND', `The code file ${file} does not exist.`);
    const text = readFileSync(file);
    if (text.length > MAX_BYTES)
      throw new AppError('VALIDATION_FAILED', 'The code file is larger than 64 MB.');
    const codes = parseOrderFile(text.toString('utf8'));
    const store = await openStore(requireString('codes import', values, 'data'));
    return withStore(store, () => {
      store.codes.importCodes(codes, 'icd10cm');
      const valid = codes.filter((c) => c.billable).length;
      io.out(
        `Loaded ${codes.length} ICD-10-CM codes (${valid} valid for a diagnosis, ${codes.length - valid} headers); the code list holds ${store.codes.count()} codes.\n`,
      );
      return EXIT.ok;
    });
  },
};
