// Reads a request body: versions first (a client of another version gets
// UPDATE_REQUIRED, not a confusing validation error), then the message schema.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { PROTOCOL_VERSION, SCHEMA_VERSION, VersionEnvelope } from '../../../shared/sync/protocol';

function versionMessage(client: number, server: number, what: string): string {
  return client < server
    ? `This workstation's app is older than the sync server (${what} ${client}, server ${server}). Update the app, then sync again.`
    : `The sync server is older than this workstation's app (${what} ${client}, server ${server}). Ask the administrator to update the server.`;
}

export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const envelope = VersionEnvelope.safeParse(body);
  if (!envelope.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Every request needs protocolVersion and schemaVersion.',
    );
  }
  const { protocolVersion, schemaVersion } = envelope.data;
  if (protocolVersion !== PROTOCOL_VERSION) {
    throw new AppError(
      'UPDATE_REQUIRED',
      versionMessage(protocolVersion, PROTOCOL_VERSION, 'protocol'),
    );
  }
  if (schemaVersion !== SCHEMA_VERSION) {
    throw new AppError(
      'UPDATE_REQUIRED',
      versionMessage(schemaVersion, SCHEMA_VERSION, 'data schema'),
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // zod's messages name the rule broken, never the value given.
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'VALIDATION_FAILED',
      'The request does not match the sync protocol.',
      issues,
    );
  }
  return parsed.data;
}
