// The button that sends a schema form (lib/useSchemaForm.ts), disabled while
// its request is on its way. In a <form> it is the submit button (Enter in a
// field presses it); in a fieldset inside a panel, where no <form> can be,
// it sends on click.
import type { ReactNode } from 'react';
import type { SchemaForm } from '../lib/useSchemaForm';

interface Props<F> {
  form: Pick<SchemaForm<F>, 'busy' | 'submit'>;
  /** 'button' where there is no <form> around it. */
  type?: 'submit' | 'button';
  /** Applied to the values before sending (a 'button' only), e.g. no overbook reason. */
  patch?: Partial<F>;
  variant?: 'primary' | 'danger' | 'plain';
  /** What it says while busy; its usual text otherwise. */
  busyLabel?: string;
  /** Disabled for another reason too (nothing changed yet). */
  disabled?: boolean;
  children: ReactNode;
}

const classNames = {
  primary: 'button button--primary',
  danger: 'button button--danger',
  plain: 'button',
};

export function SubmitButton<F>({
  form,
  type = 'submit',
  patch,
  variant = 'primary',
  busyLabel,
  disabled = false,
  children,
}: Props<F>) {
  return (
    <button
      type={type}
      className={classNames[variant]}
      disabled={form.busy || disabled}
      onClick={type === 'button' ? () => void form.submit(patch) : undefined}
    >
      {form.busy && busyLabel ? busyLabel : children}
    </button>
  );
}
