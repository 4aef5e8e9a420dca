// The options of `npm start` / `npm run web`, from arguments and environment.
// Arguments win over environment variables, which win over defaults.
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';

export interface StartOptions {
  /** Skip Electron and serve the browser host directly (`npm run web`). */
  web: boolean;
  /** 0 picks any free port. */
  port: number;
  dataDir: string;
  /** When set, the store key is wrapped with this passphrase; otherwise with a local key file. */
  passphrase: string | null;
}

export const defaultPort = 5180;

const usage =
  'usage: npm start [-- --web] [--port N] [--data DIR]   (env: EHRBS_PORT, EHRBS_DATA, EHRBS_PASSPHRASE)';

export function parseStartOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): StartOptions {
  let web = false;
  let port: string | undefined = env.EHRBS_PORT;
  let data: string | undefined = env.EHRBS_DATA;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '')
        throw new AppError('VALIDATION_FAILED', `${flag} needs a value. ${usage}`);
      return v;
    };
    if (flag === '--web') web = true;
    else if (flag === '--port') port = value();
    else if (flag === '--data') data = value();
    else throw new AppError('VALIDATION_FAILED', `Unknown option ${flag}. ${usage}`);
  }
  return {
    web,
    port: parsePort(port),
    dataDir: resolve(cwd, data && data !== '' ? data : join('.data', 'clinic')),
    passphrase: env.EHRBS_PASSPHRASE && env.EHRBS_PASSPHRASE !== '' ? env.EHRBS_PASSPHRASE : null,
  };
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return defaultPort;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The port must be a number from 0 to 65535, not "${text}".`,
    );
  }
  return port;
}
