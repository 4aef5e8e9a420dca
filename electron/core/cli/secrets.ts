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
  if (answer === '')
    throw new AppError('UNAUTHENTICATED', `No ${spec.label.toLowerCase()} was given.`);
  return answer;
}

/** Reads one line from the terminal in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (err: AppError | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || ch === '\u0004')
          return finish(new AppError('UNAUTHENTICATED', 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export const PASSPHRASE: SecretSpec = { env: 'EHRBS_PASSPHRASE', label: 'Store passphrase' };
export const PASSWORD: SecretSpec = { env: 'EHRBS_PASSWORD', label: 'Password' };
