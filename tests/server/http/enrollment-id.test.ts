// An enrollment code is pasted as one command-line argument: it must never
// begin with '-', or `ehrbs join --code <code>` reads it as an option.
import { expect, it } from 'vitest';
import { newEnrollmentId } from '../../../sync-server/src/http/enrollment-id';
import { EnrollmentId } from '../../../shared/sync/enrollment';

it('never begins with "-" (base64url draws it first one time in 64), and is a valid id', () => {
  const ids = Array.from({ length: 5000 }, newEnrollmentId);
  expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
  for (const id of ids.slice(0, 100)) expect(EnrollmentId.safeParse(id).success).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});
