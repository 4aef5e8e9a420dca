// The <form> of a schema form (lib/useSchemaForm.ts): its submit goes to the
// form's check-and-send, the browser's own validation bubbles stay off (the
// fields show the core's rules inline), and its id lets the form put the
// cursor on the first field to fix.
import type { FormHTMLAttributes, ReactNode } from 'react';
import type { SchemaForm } from '../lib/useSchemaForm';

interface Props extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'id'> {
  form: Pick<SchemaForm<unknown>, 'id' | 'onSubmit'>;
  children: ReactNode;
}

export function SchemaFormElement({ form, children, ...rest }: Props) {
  return (
    <form {...rest} id={form.id} onSubmit={form.onSubmit} noValidate>
      {children}
    </form>
  );
}
