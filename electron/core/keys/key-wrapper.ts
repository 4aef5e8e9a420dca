// How the store's 256-bit raw key is kept at rest. The key itself is random;
// what is written to disk is the key wrapped by one of these. Headless modes
// (CLI, browser host, tests) wrap it with a passphrase-derived key; the desktop
// app wraps it with Electron's safeStorage (implemented in electron/main, which
// may import electron; the core only sees this interface).

export interface KeyWrapper {
  /** A short name stored beside the wrapped key, e.g. "scrypt" or "safeStorage". */
  readonly kind: string;
  wrap(rawKey: Buffer): Promise<Buffer>;
  /** Throws AppError('WRONG_KEY') when the blob cannot be unwrapped with this wrapper's secret. */
  unwrap(wrapped: Buffer): Promise<Buffer>;
}
