// What a failed call leaves on screen: the core's message, code and field
// issues; never the text of an unexpected error.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/client';
import { failureOf, refusal } from '../../../renderer/src/lib/request-failure';

describe('failureOf', () => {
  it('keeps what the core said, so a clash can offer an overbook and issues land on fields', () => {
    const e = new ApiError({
      code: 'SLOT_TAKEN',
      message: 'The doctor already has an appointment that overlaps this time.',
      issues: [{ path: 'scheduledAt', message: 'taken' }],
    });
    expect(failureOf(e)).toEqual({
      message: 'The doctor already has an appointment that overlaps this time.',
      code: 'SLOT_TAKEN',
      issues: [{ path: 'scheduledAt', message: 'taken' }],
    });
  });

  it('shows a safe message for anything else (its text may carry data)', () => {
    const failure = failureOf(new Error('SQLITE_CONSTRAINT: patients.mrn = ABCD-000001'));
    expect(failure.message).toBe('Something went wrong. The action was not completed.');
    expect(failure.message).not.toContain('ABCD');
    expect(failure.code).toBeNull();
  });

  it('a refusal made here has no code', () => {
    expect(refusal('Enter your password to unlock.')).toEqual({
      message: 'Enter your password to unlock.',
      code: null,
      issues: [],
    });
  });
});
