// Typed errors with stable codes, shared by every layer and both transports.
// Messages are for people and must never contain patient data.

export const errorCodes = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'WRONG_PASSWORD',
  'LOCKED',
  'CONFLICT',
  'INVALID_TRANSITION',
  'SLOT_TAKEN',
  'WRONG_KEY',
  'STORE_NEWER_THAN_APP',
  'STORE_EXISTS',
  'STORE_MISSING',
  'INTEGRITY_FAILED',
  'DECRYPT_FAILED',
  'CLOCK_SKEW',
  'UPDATE_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'REVOKED',
  'UNAVAILABLE',
  'THROTTLED',
  'PASSWORD_CHANGE_REQUIRED',
  'DISK_FULL',
  /** A sensitive patient: state a reason (patients.breakGlass) before opening their chart. */
  'REASON_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** The wire form of an error, identical over IPC and HTTP. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  issues: FieldIssue[];
}

export const toErrorPayload = (e: unknown): ErrorPayload =>
  isAppError(e)
    ? { code: e.code, message: e.message, issues: [...e.issues] }
    : // Unknown errors may carry anything (SQL text, values): never pass their message on.
      {
        code: 'INTERNAL',
        message: 'Something went wrong. The action was not completed.',
        issues: [],
      };

export const fromErrorPayload = (p: ErrorPayload): AppError =>
  new AppError(p.code, p.message, p.issues);

/** Compile-time exhaustiveness guard for switches over closed unions. */
export function assertNever(value: never): never {
  throw new AppError('INTERNAL', `unexpected value: ${String(value)}`);
}
