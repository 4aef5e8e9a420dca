// What a form checks before it sends anything, as one pure function of its
// values: the core's own request schema (so the form refuses exactly what the
// core would), checks the schema cannot make (a repeated password, an amount's
// format), and wording of the form's own for some fields.
import type { z } from 'zod';
import { validate, type FieldErrors, type Validated } from './validation';

export interface FormRules<F, S extends z.ZodType> {
  /** The core's request schema (or a pick of it). */
  schema: S;
  /** The raw request to validate, from the form's values (numbers, ids, conversions); default: the values. */
  toInput?: (values: F) => unknown;
  /** Problems the schema cannot see, by field; they win over the schema's for the same field. */
  check?: (values: F) => FieldErrors;
  /** The form's own message for any schema problem with these fields. */
  messages?: Readonly<Record<string, string>>;
}

/** The request to send, or every field's problem. */
export function checkForm<F, S extends z.ZodType>(
  rules: FormRules<F, S>,
  values: F,
): Validated<z.output<S>> {
  const checked = validate(rules.schema, rules.toInput ? rules.toInput(values) : values);
  const extra = rules.check?.(values) ?? {};
  if (checked.ok && Object.keys(extra).length === 0) return checked;
  const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
  for (const field of Object.keys(errors)) {
    const own = rules.messages?.[field];
    if (own) errors[field] = own;
  }
  return { ok: false, errors: { ...errors, ...extra } };
}

/** The message above a refused form, unless the form says otherwise. */
export const correctFields = (): string => 'Please correct the highlighted fields.';

/** A number typed in a field: undefined when it is empty (the schema then says "Required"). */
export const numberFrom = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim());
