// The rules for using an enrollment code, shared by both stores so they answer
// alike. Messages say what to do next and reveal nothing about other clinics.
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export interface EnrollmentRow {
  tenant_id: string;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
}

const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Throws unless the enrollment exists, the token matches, and it is unused and unexpired. */
export function assertEnrollmentUsable(
  row: EnrollmentRow | undefined,
  tokenHash: string,
  now: string,
): EnrollmentRow {
  if (!row || !sameHash(row.token_hash, tokenHash)) {
    throw new AppError(
      'UNAUTHENTICATED',
      'This enrollment code is not valid. Check it, or create a new one.',
    );
  }
  if (row.used_at !== null) {
    throw new AppError(
      'CONFLICT',
      'This enrollment code was already used. Create a new one on an enrolled workstation.',
    );
  }
  if (row.expires_at <= now) {
    throw new AppError(
      'FORBIDDEN',
      'This enrollment code has expired or was cancelled. Create a new one on an enrolled workstation.',
    );
  }
  return row;
}
