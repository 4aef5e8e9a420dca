// Words for messaging shown by the core (conversation titles) and the screen.
import type { InboxRole } from '../domain/message';

/** The name of a role's shared inbox. */
export const inboxLabel = (role: InboxRole): string => {
  switch (role) {
    case 'front_desk':
      return 'Front desk';
    case 'doctor':
      return 'Doctors';
    case 'admin':
      return 'Admins';
  }
};

/** The first line of a message, shortened for a list (never more than `max` characters). */
export const firstLine = (body: string, max = 120): string => {
  const line = (body.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export const MAX_BODY = 10_000;
