// Reads an API request body as JSON with a hard size limit, so a huge or
// endless upload cannot exhaust the memory of the process holding the store.
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../../shared/errors';

export const defaultBodyLimitBytes = 1024 * 1024;

/** Resolves to the parsed JSON (undefined for an empty body, like an IPC call without argument). */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Chunked uploads declare no length: count as we go.
    if (size > limitBytes) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
}

const tooLarge = (): AppError =>
  new AppError('PAYLOAD_TOO_LARGE', 'The request is too large for this app.');
