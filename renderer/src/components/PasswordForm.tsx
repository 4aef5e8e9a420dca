// The form of the login and lock screens: the refusal or failure, the email
// (login only), the password, and the form's buttons. The caller's schema form
// checks it, sends it and empties the password when the core refuses it.
import type { ReactNode } from 'react';
import type { FieldProps, SchemaForm } from '../lib/useSchemaForm';
import { ErrorAlert } from './ErrorAlert';
import { TextField } from './TextField';
import { SchemaFormElement } from '../components/SchemaFormElement';
import { inputKinds } from './input-kinds';

interface Props {
  /** The form's accessible name ("Log in", "Unlock"). */
  label: string;
  form: Pick<SchemaForm<unknown>, 'id' | 'onSubmit' | 'failure'>;
  password: FieldProps;
  /** The email field, when the form asks who is logging in. */
  email?: FieldProps;
  /** Which field takes the cursor when the screen opens. */
  focus: 'email' | 'password';
  /** The submit button and any other action. */
  children: ReactNode;
}

export function PasswordForm({ label, form, password, email, focus, children }: Props) {
  return (
    <SchemaFormElement form={form} aria-label={label}>
      <ErrorAlert message={form.failure?.message ?? null} />
      {email && (
        <TextField
          label="Email"
          autoFocus={focus === 'email'}
          {...inputKinds.username}
          {...email}
        />
      )}
      <TextField
        label="Password"
        autoFocus={focus === 'password'}
        {...inputKinds.currentPassword}
        {...password}
      />
      {children}
    </SchemaFormElement>
  );
}
