// The server admin token: it registers clinics and reads metrics. Only its
// SHA-256 is stored; the token itself is printed once, at first start, unless
// the operator supplies one in EHRBS_SERVER_TOKEN.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/errors';
import type { SyncStore } from '../store/types';

const TOKEN_SECRET = 'admin_token_sha256';
const sha256 = (text: string) => createHash('sha256').update(text).digest();

export interface AdminToken {
  /** Set only when this start created the token: print it, it is never shown again. */
  readonly newToken: string | null;
  assert(req: FastifyRequest): void;
}

export async function setupAdminToken(
  store: SyncStore,
  fromEnv: string | undefined,
): Promise<AdminToken> {
  let expected: Buffer;
  let newToken: string | null = null;
  if (fromEnv) {
    expected = sha256(fromEnv);
  } else {
    const stored = await store.getSecret(TOKEN_SECRET);
    if (stored) {
      expected = Buffer.from(stored, 'hex');
    } else {
      const token = randomBytes(32).toString('base64url');
      const mine = sha256(token).toString('hex');
      const winner = await store.putSecretIfAbsent(TOKEN_SECRET, mine);
      // Another instance may have created one at the same moment: only the stored one counts.
      if (winner === mine) newToken = token;
      expected = Buffer.from(winner, 'hex');
    }
  }
  return {
    newToken,
    assert(req) {
      const header = req.headers.authorization ?? '';
      const match = /^Bearer (\S+)$/.exec(header);
      if (!match?.[1] || !timingSafeEqual(sha256(match[1]), expected)) {
        throw new AppError(
          'UNAUTHENTICATED',
          'This needs the server admin token (Authorization: Bearer …).',
        );
      }
    },
  };
}
