// The id part of an enrollment code. A code is typed or pasted as one
// command-line argument (`ehrbs join --code <code>`): one that began with '-'
// would be read as an option, and base64url draws '-' first one time in 64.
import { randomBytes } from 'node:crypto';

export function newEnrollmentId(): string {
  for (;;) {
    const id = randomBytes(9).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
