// Secrets for the command-line tool: the store passphrase and the acting
// user's password. Read from the environment (scripts, CI) or, when a person is
// at a terminal, asked for without echo. Never taken from argv, where other
// users of the machine could read them in the process list.
import { AppError } from '../../../shared/errors';

export interface SecretSpec {
  /** The environment variable that carries it, e.g. EHRBS_PASSPHRASE. */
  env: string;
  /** What the prompt asks for, e.g. "Store passphrase". */
  label: string;
  /** A new secret being set: when prompted, it is asked twice so a typo cannot lock anyone out. */
  confirm?: boolean;
}

export async function readSecret(
  spec: SecretSpec,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const value = env[spec.env];
  if (value !== undefined && value !== '') return value;
  if (!process.stdin.isTTY) {
    throw new AppError(
      'UNAUTHENTICATED',
      `${spec.env} is not set, and there is no terminal to ask for the ${spec.label.toLowerCase()}.`,
    );
  }
  const answer = await promptHidden(`${spec.label}: `);
  if (answer === '') {
    throw new AppError('UNAUTHENTICATED', `No ${spec.label.toLowerCase()} was given.`);
  }
  if (spec.confirm && (await promptHidden(`${spec.label} (again): `)) !== answer) {
    throw new AppError('VALIDATION_FAILED', `The two ${spec.label.toLowerCase()} entries differ.`);
  }
  return answer;
}

/** Keys typed ahead of the next prompt (two answers arriving in one read). */
let typedAhead = '';

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  let answer = '';
  /** Takes keys until Enter; true once the line is complete. */
  const take = (text: string): boolean => {
    const chars = [...text];
    for (const [i, ch] of chars.entries()) {
      if (ch === '\r' || ch === '\n') {
        typedAhead = chars
          .slice(i + 1)
          .join('')
          .replace(/^\n/, '');
        return true;
      }
      if (ch === '\u0003' || ch === '\u0004') throw new AppError('UNAUTHENTICATED', 'Cancelled.');
      if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
      else answer += ch;
    }
    return false;
  };
  return new Promise((resolve, reject) => {
    const done = (err: unknown) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      try {
        if (take(chunk.toString('utf8'))) done(null);
      } catch (e) {
        done(e);
      }
    };
    stdin.setRawMode(true);
    stdin.on('data', onData);
    const pending = typedAhead;
    typedAhead = '';
    try {
      if (take(pending)) return done(null);
    } catch (e) {
      return done(e);
    }
    stdin.resume();
  });
}

export const PASSPHRASE: SecretSpec = { env: 'EHRBS_PASSPHRASE', label: 'Store passphrase' };
export const PASSWORD: SecretSpec = { env: 'EHRBS_PASSWORD', label: 'Password' };
