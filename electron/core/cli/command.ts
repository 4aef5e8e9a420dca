// What every `ehrbs` command provides: its name, help text, options, and a
// run function that returns the exit code (failures throw an AppError).
import type { OptionSpec, OptionValues } from './args';

export interface CliOutput {
  /** Writes to stdout (data and results). */
  out(text: string): void;
  /** Writes to stderr (progress and notes for a person). */
  note(text: string): void;
}

export interface Command {
  name: string;
  /** One line for `ehrbs --help`. */
  summary: string;
  /** The full `ehrbs <name> --help` text. */
  usage: string;
  options: OptionSpec;
  run(values: OptionValues, io: CliOutput): Promise<number>;
}

/** Exit codes (see docs/cli.md). */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  damaged: 3,
} as const;
