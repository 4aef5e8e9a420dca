// Form validation with the same zod schemas the core uses, so a form refuses
// exactly what the core would refuse. Messages are reworded for people here
// (the schemas' own custom messages, like a password's, are kept as they are).
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';

/** Field path ("emergencyContact.name") → the first message for it. */
export type FieldErrors = Record<string, string>;

const friendly = (issue: z.core.$ZodRawIssue): string | undefined => {
  // An empty field is "required", whatever rule it broke (format, length, type).
  if (issue.input === '' || issue.input === undefined) return 'Required';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return `Must be at least ${String(issue.minimum)}`;
      if (issue.origin !== 'string') return undefined;
      return issue.minimum === 1
        ? 'Required'
        : `Must be at least ${String(issue.minimum)} characters`;
    case 'too_big':
      if (issue.origin === 'number') return `Must be at most ${String(issue.maximum)}`;
      if (issue.origin !== 'string') return undefined;
      return `Must be at most ${String(issue.maximum)} characters`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'Enter a whole number';
      return Number.isNaN(issue.input) ? 'Enter a number' : undefined;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address like name@example.com';
      if (issue.format === 'date') return 'Enter a date (year, month and day)';
      return undefined;
    case 'invalid_value':
      return 'Choose one of the options';
    default:
      return undefined;
  }
};

export const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export function toFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input, { error: friendly });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: toFieldErrors(
      result.error.issues.map((i) => ({ path: pathKey(i.path), message: i.message })),
    ),
  };
}
