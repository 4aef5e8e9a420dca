// What a refused or failed call leaves for the screen to show: the core's
// message for people, its stable code (e.g. SLOT_TAKEN, to offer an overbook)
// and its field issues (to put on the fields they concern).
import type { ErrorCode, FieldIssue } from '../../../shared/errors';
import { ApiError, errorMessage } from '../api/client';

export interface RequestFailure {
  message: string;
  /** The core's code; null for a refusal made here, before anything was sent. */
  code: ErrorCode | null;
  issues: readonly FieldIssue[];
}

export function failureOf(e: unknown): RequestFailure {
  if (e instanceof ApiError) return { message: e.message, code: e.code, issues: e.issues };
  return { message: errorMessage(e), code: null, issues: [] };
}

/** A refusal made here (a check before sending), shown like the core's. */
export const refusal = (message: string): RequestFailure => ({ message, code: null, issues: [] });
