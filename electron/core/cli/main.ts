// `ehrbs`: the clinic store's command-line tool (docs/cli.md). One file per
// command under ./commands; this file only dispatches and turns errors into
// one line on stderr and an exit code.
import { isAppError, type AppError, type ErrorCode } from '../../../shared/errors';
import { storageFailure } from '../store/store-errors';
import { parseOptions } from './args';
import { EXIT, type CliOutput, type Command } from './command';
import { backupCommand } from './commands/backup';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { initCommand } from './commands/init';
import { restoreCommand } from './commands/restore';
import { verifyCommand } from './commands/verify';
import { connectCommand } from './commands/connect';
import { enrollCodeCommand } from './commands/enroll-code';
import { joinCommand } from './commands/join';
import { syncCommand } from './commands/sync';
import { icalCommand } from './commands/ical';
import { codesImportCommand } from './commands/codes-import';
import { fhirCommand } from './commands/fhir';

const commands: readonly Command[] = [
  initCommand,
  demoCommand,
  exportCommand,
  verifyCommand,
  backupCommand,
  restoreCommand,
  connectCommand,
  enrollCodeCommand,
  joinCommand,
  syncCommand,
  icalCommand,
  codesImportCommand,
  fhirCommand,
];

const overview = (): string =>
  [
    'usage: ehrbs <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    'Environment:',
    '  EHRBS_PASSPHRASE  the store passphrase (asked for when at a terminal)',
    "  EHRBS_PASSWORD    the acting user's password (asked for when at a terminal)",
    '',
    'Run "ehrbs <command> --help" for a command\'s options. See docs/cli.md.',
  ].join('\n');

const exitCodeFor = (code: ErrorCode): number =>
  code === 'VALIDATION_FAILED'
    ? EXIT.usage
    : code === 'INTEGRITY_FAILED'
      ? EXIT.damaged
      : EXIT.failed;

const asAppError = (e: unknown): AppError | null => (isAppError(e) ? e : storageFailure(e));

export async function main(argv: readonly string[], io: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic =
      commands.find((c) => c.name === `${rest[0]} ${rest[1]}`) ??
      commands.find((c) => c.name === rest[0]);
    io.out(`${topic ? topic.usage : overview()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  // Two-word commands (`codes import`) first.
  const sub = commands.find((c) => c.name === `${name} ${rest[0]}`);
  const command = sub ?? commands.find((c) => c.name === name);
  const args = sub ? rest.slice(1) : rest;
  if (!command) {
    io.note(`ehrbs: unknown command "${name}" (see "ehrbs --help")\n`);
    return EXIT.usage;
  }
  try {
    const values = parseOptions(command.name, args, command.options);
    if (values['help'] === true) {
      io.out(`${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run(values, io);
  } catch (caught) {
    const e = asAppError(caught);
    if (e) {
      io.note(`ehrbs: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    // Unknown errors may carry SQL or values (patient data): printed only on request.
    io.note(`ehrbs: ${command.name} failed unexpectedly (EHRBS_DEBUG=1 shows the details).\n`);
    if (process.env['EHRBS_DEBUG'] === '1') console.error(caught);
    return EXIT.failed;
  }
}

const stdio: CliOutput = {
  out: (text) => void process.stdout.write(text),
  note: (text) => void process.stderr.write(text),
};

// A reader that stops early (`ehrbs export | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.failed);
  throw e;
});

// Every file and folder this tool creates is for this user only, whatever the umask
// (store files, backups, exports and their temporary files hold clinical data).
process.umask(0o077);

// Set the exit code rather than calling process.exit(), so piped output is flushed first.
process.exitCode = await main(process.argv.slice(2), stdio);
