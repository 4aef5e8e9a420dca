// Command-line parsing with node:util parseArgs. Usage errors are typed
// (exit code 2) so main.ts can tell them from failures at run time.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `usage:
  ehrbs-sync-server serve --data DIR --port N [--host NAME] [--listen ADDR] [--database-url URL] [--log-level LEVEL]
  ehrbs-sync-server devices list (--data DIR | --database-url URL)
  ehrbs-sync-server devices revoke DEVICE_ID (--data DIR | --database-url URL)

  --data DIR          the server's data directory (SQLite store, TLS certificate)
  --database-url URL  use PostgreSQL (postgres://…) instead of the SQLite file
  --host NAME         a name or address workstations use to reach the server (added to the TLS certificate)
  --listen ADDR       address to listen on (default 127.0.0.1, or 0.0.0.0 when --host is given)
  EHRBS_SERVER_TOKEN  the server admin token; without it one is made and printed at first start`;

const options = {
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string', multiple: true },
  listen: { type: 'string' },
  'database-url': { type: 'string' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliArgs {
  positionals: string[];
  data?: string;
  port?: number;
  hosts: string[];
  listen?: string;
  databaseUrl?: string;
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
  help: boolean;
}

export function readArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : 'invalid arguments');
  }
  const v = parsed.values;
  let port: number | undefined;
  if (v.port !== undefined) {
    port = Number(v.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a number from 0 to 65535, not "${v.port}"`);
  }
  const level = v['log-level'];
  if (level !== undefined && !['error', 'warn', 'info', 'debug'].includes(level)) {
    throw new UsageError('--log-level must be one of error, warn, info, debug');
  }
  const url = v['database-url'];
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    throw new UsageError('--database-url must start with postgres://');
  }
  return {
    positionals: parsed.positionals,
    data: v.data,
    port,
    hosts: v.host ?? [],
    listen: v.listen,
    databaseUrl: url,
    logLevel: level as CliArgs['logLevel'],
    help: v.help ?? false,
  };
}

/** The store the command works on: PostgreSQL if given, else the data directory's SQLite file. */
export function requireStore(args: CliArgs): { dataDir?: string; databaseUrl?: string } {
  if (!args.data && !args.databaseUrl)
    throw new UsageError('--data DIR (or --database-url URL) is required');
  return { dataDir: args.data, databaseUrl: args.databaseUrl };
}
