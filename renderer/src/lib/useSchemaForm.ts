// The one way a form works: its values, a check before sending (the core's own
// request schema, see form-rules.ts), the core's field issues put back on the
// same fields, a busy/failed/succeeded request, and the cursor put on the first
// field to fix after every refused attempt.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { checkForm, correctFields, type FormRules } from './form-rules';
import type { RequestFailure } from './request-failure';
import { useRequest, type Request } from './useRequest';
import { toFieldErrors, type FieldErrors } from './validation';

/** The keys of a form's text values (the ones a TextField or SelectField edits). */
export type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/** What a TextField or SelectField needs to edit one value. */
export interface FieldProps {
  name: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}

export interface SchemaFormOptions<F, S extends z.ZodType, R> extends FormRules<F, S> {
  initial: F;
  send(request: z.output<S>): Promise<R>;
  /** After the core accepted it (awaited: the form stays busy until it is done). */
  onDone?(result: R): void | Promise<void>;
  /** The message above a refused form; null shows none (the fields say it all). */
  refusal?(errors: FieldErrors): string | null;
  /** Values put back to their initial value when the core refuses (a password). */
  resetOnFailure?: readonly (keyof F)[];
}

export interface SchemaForm<F> {
  values: F;
  errors: FieldErrors;
  failure: RequestFailure | null;
  busy: boolean;
  succeeded: boolean;
  field(name: TextKey<F>): FieldProps;
  set<K extends keyof F>(name: K, value: F[K]): void;
  /** Checks and sends the values, with `patch` applied first (a demo login, an overbook reason). */
  submit(patch?: Partial<F>): Promise<void>;
  /** For <form onSubmit>. */
  onSubmit(e: FormEvent): void;
  /** The id to give the form (or fieldset) element, so its first invalid field gets the cursor. */
  id: string;
  /** Another action sharing the form's busy and failure state (e.g. "Switch user"). */
  run: Request['run'];
}

/** Scrolls where the page can (jsdom, used by the unit tests, has no layout to scroll). */
function scrollTo(el: HTMLElement, block: ScrollLogicalPosition): void {
  if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block });
}

export function useSchemaForm<F extends object, S extends z.ZodType, R>(
  options: SchemaFormOptions<F, S, R>,
): SchemaForm<F> {
  const { initial, send, onDone, refusal = correctFields, resetOnFailure = [] } = options;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const request = useRequest();
  const { edited } = request;
  const id = useId();

  // After a refused attempt, put the cursor on the first field to fix, with the
  // form's error summary in view too: the summary is scrolled to first, then the
  // field (with its label) only as far as needed, so focusing a field further
  // down does not scroll the summary away when both fit on the screen.
  useEffect(() => {
    if (attempt === 0) return;
    const root = document.getElementById(id);
    const summary = root?.querySelector<HTMLElement>('[role="alert"]');
    const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (summary) scrollTo(summary, 'start');
    if (!invalid) return;
    invalid.focus({ preventScroll: true });
    scrollTo(invalid.closest<HTMLElement>('.field') ?? invalid, 'nearest');
  }, [attempt, id]);

  const set = useCallback(
    <K extends keyof F>(name: K, value: F[K]) => {
      setValues((v) => ({ ...v, [name]: value }));
      edited();
    },
    [edited],
  );

  const field = (name: TextKey<F>): FieldProps => {
    const value = values[name];
    return {
      name,
      value: typeof value === 'string' ? value : '',
      onChange: (text: string) => {
        setValues((v) => ({ ...v, [name]: text }));
        edited();
      },
      error: errors[name],
    };
  };

  async function submit(patch: Partial<F> = {}) {
    // Enter in a field submits too: never send twice while one is on its way.
    if (request.busy) return;
    const current: F = { ...values, ...patch };
    if (Object.keys(patch).length > 0) setValues(current);
    const checked = checkForm(options, current);
    if (!checked.ok) {
      setErrors(checked.errors);
      const message = refusal(checked.errors);
      if (message === null) request.reset();
      else request.refuse(message);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    const result = await request.run(async () => {
      const answer = await send(checked.value);
      await onDone?.(answer);
    });
    if (!result.ok) {
      setErrors(toFieldErrors(result.failure.issues));
      if (resetOnFailure.length > 0) {
        setValues((v) => {
          const next = { ...v };
          for (const key of resetOnFailure) next[key] = initial[key];
          return next;
        });
      }
      setAttempt((n) => n + 1);
    }
  }

  return {
    values,
    errors,
    failure: request.failure,
    busy: request.busy,
    succeeded: request.succeeded,
    field,
    set,
    submit,
    onSubmit: (e) => {
      e.preventDefault();
      void submit();
    },
    id,
    run: request.run,
  };
}
