// `ehrbs verify`: the database's own integrity checks and every device's audit
// hash chain. Read-only: it leaves every file exactly as it was.
import { checkAuditTips, describeTipProblems } from '../../audit/tip-check';
import { verifyAuditChains, type ChainBreak } from '../../audit/verify-chain';
import { assertNever } from '../../../../shared/errors';
import { requireString } from '../args';
import { EXIT, type Command } from '../command';
import { integrityProblems, openStore } from '../store-access';
import { checkSignedContent } from '../../clinic/signed-content-check';
import { numberSeriesGaps } from '../../clinic/number-series-check';

const why = (reason: ChainBreak['reason']): string => {
  switch (reason) {
    case 'hash_mismatch':
      return 'its content no longer matches its hash (the entry was altered)';
    case 'broken_link':
      return 'it does not link to the previous entry (an entry was removed or replaced)';
    case 'sequence_gap':
      return 'the entry is missing (a gap in the sequence)';
    default:
      return assertNever(reason);
  }
};

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check the store's integrity and every device's audit chain",
  usage: `usage: ehrbs verify --data DIR

Runs SQLite's integrity_check and foreign_key_check on the decrypted store and
recomputes every device's audit hash chain, then checks every signed record's
content against the hash stored with its signature, and looks for gaps in each
workstation's series of medical record and invoice numbers. Changes nothing.

On a workstation connected to a sync server it also checks the chains against
the tips the server acknowledged at the last sync: newest entries deleted here,
or an acknowledged entry the server no longer holds, are reported.

Exit status: 0 when intact; 3 when damage is found (the first broken audit entry
is named by device id and sequence number, the chain whose tail is missing, an
altered signed record by its id, a number series gap by the first missing number);
1 on other errors.

  --data DIR     the store's data directory

Environment: EHRBS_PASSPHRASE.`,
  options: { data: { type: 'string' } },
  async run(values, io) {
    const store = await openStore(requireString('verify', values, 'data'), { migrate: false });
    try {
      const problems = integrityProblems(store);
      if (problems) {
        io.note(
          `ehrbs: the store is damaged: it failed its integrity check (${problems.count} problem${problems.count === 1 ? '' : 's'}; first: ${problems.first})\n`,
        );
        return EXIT.damaged;
      }
      const fk = store.read.pragma('foreign_key_check') as {
        table: string;
        rowid: number;
        parent: string;
      }[];
      const [fkFirst] = fk;
      if (fkFirst) {
        io.note(
          `ehrbs: ${fk.length} foreign key violation(s); first: a row of ${fkFirst.table} (rowid ${fkFirst.rowid}) refers to a missing ${fkFirst.parent} row\n`,
        );
        return EXIT.damaged;
      }
      const report = verifyAuditChains(store.read);
      const [broken] = report.breaks;
      if (broken) {
        io.note(
          `ehrbs: audit chain broken on device ${broken.deviceId} at entry ${broken.deviceSeq}: ${why(broken.reason)}` +
            (report.breaks.length > 1 ? ` (${report.breaks.length} devices affected)` : '') +
            '\n',
        );
        return EXIT.damaged;
      }
      // Tail truncation: entries the sync server acknowledged (its chain tips at the last
      // sync) must still be here; a rollback of the server's copy is what the last round found.
      const tips = store.sync.auditTips;
      const tipProblem =
        (tips &&
          describeTipProblems(
            checkAuditTips(store.read, tips, { rollbacks: false }),
            store.deviceId,
          )) ??
        store.sync.auditWarning;
      if (tipProblem) {
        io.note(`ehrbs: ${tipProblem}\n`);
        return EXIT.damaged;
      }
      const signed = checkSignedContent(store);
      const [altered] = signed.mismatched;
      if (altered) {
        io.note(
          `ehrbs: signed record ${altered} no longer matches its signature: its content was changed after signing` +
            (signed.mismatched.length > 1
              ? ` (${signed.mismatched.length} signed records affected)`
              : ' (1 signed record affected)') +
            '\n',
        );
        return EXIT.damaged;
      }
      const gaps = numberSeriesGaps(store);
      const [gap] = gaps;
      if (gap) {
        const missing = gaps.reduce((n, g) => n + g.missing, 0);
        io.note(
          `ehrbs: ${gap.kind === 'invoice number' ? 'an' : 'a'} ${gap.kind} series has a gap: ${gap.firstMissing} is missing (a row was removed or renumbered)` +
            ` (${missing} number${missing === 1 ? '' : 's'} missing in ${gaps.length} series)\n`,
        );
        return EXIT.damaged;
      }
      io.out(
        `Store intact: integrity ok, foreign keys ok, ${report.entries} audit entries on ${report.devices} device chain(s) verified, ${signed.checked} signed record(s) match their content hash` +
          (signed.unhashed > 0
            ? ` (${signed.unhashed} signed before content hashes, not checked)`
            : '') +
          '.\n',
      );
      return EXIT.ok;
    } finally {
      store.closeUntouched();
    }
  },
};
