// Entry point of `npx ehrbs-sync-server` (bin/ehrbs-sync-server.js). Errors
// end in one plain line and a non-zero exit: 2 for usage, 1 for failures.
import { isAppError } from '../../../shared/errors';
import { USAGE, UsageError, readArgs } from './args';
import { devices } from './devices';
import { serve } from './serve';

async function main(argv: string[]): Promise<void> {
  const args = readArgs(argv);
  const command = args.positionals[0];
  if (args.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'serve') return serve(args);
  if (command === 'devices') return devices(args);
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`ehrbs-sync-server: ${e.message}\n${USAGE}\n`);
      process.exit(2);
    }
    const message = isAppError(e) || e instanceof Error ? e.message : 'unexpected failure';
    process.stderr.write(`ehrbs-sync-server: ${message}\n`);
    process.exit(1);
  },
);
