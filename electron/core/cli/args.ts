// Option parsing shared by the commands (node:util parseArgs, strict), with
// errors that say which option is wrong and how to get help.
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type OptionValues = Record<string, string | boolean | undefined>;

export function parseOptions(
  command: string,
  argv: readonly string[],
  options: OptionSpec,
): OptionValues {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (e) {
    // parseArgs messages name the option only (never a value); keep the first line.
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : '';
    throw new AppError('VALIDATION_FAILED', `${detail} (see "ehrbs ${command} --help")`);
  }
}

export function requireString(command: string, values: OptionValues, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new AppError(
      'VALIDATION_FAILED',
      `--${name} is required (see "ehrbs ${command} --help").`,
    );
  }
  return v;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}
