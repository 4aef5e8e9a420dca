import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';

/** zod's issues as field issues. Messages come from the schema, never from the values. */
export const zodIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
