// The shared workings of the Admin and Join forms: text field values,
// client-side validation with the core's own request schema, the core's field
// issues shown on the same fields, and a busy flag.
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../../api/client';
import { toFieldErrors, validate, type FieldErrors } from '../../lib/validation';

export function useSchemaForm<F extends Record<string, string>, S extends z.ZodType, R>(
  initial: F,
  schema: S,
  send: (request: z.output<S>) => Promise<R>,
  onDone: (result: R) => void = () => undefined,
) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const field = (name: keyof F & string) => ({
    name,
    value: form[name] ?? '',
    onChange: (value: string) => setForm((f) => ({ ...f, [name]: value })),
    error: errors[name],
  });

  /** `input` may convert fields (numbers, lists); `extraErrors` are checks the schema cannot make. */
  async function submit(input: Record<string, unknown>, extraErrors: FieldErrors = {}) {
    setFailure(null);
    const checked = validate(schema, input);
    const next = { ...(checked.ok ? {} : checked.errors), ...extraErrors };
    setErrors(next);
    if (!checked.ok || Object.keys(extraErrors).length > 0) {
      setFailure('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    try {
      const result = await send(checked.value);
      setBusy(false);
      onDone(result);
    } catch (err) {
      if (err instanceof ApiError) setErrors(toFieldErrors(err.issues));
      setFailure(errorMessage(err));
      setBusy(false);
    }
  }

  return { form, field, errors, failure, busy, submit };
}
