// Choosing a new password: the current one first (it proves who is at the
// keyboard), then the new one. Used when a temporary password must be
// replaced, and by anyone who wants to change theirs.
import { sessionChannels } from '../../../../shared/api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { inputKinds } from '../../components/input-kinds';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSession } from '../../stores/session-store';

interface Props {
  currentLabel: string;
  /** After the core accepted the new password. */
  onDone?(): void;
}

export function ChangePasswordForm({ currentLabel, onDone }: Props) {
  const changePassword = useSession((s) => s.changePassword);
  const form = useSchemaForm({
    initial: { oldPassword: '', newPassword: '' },
    schema: sessionChannels['session.changePassword'].request,
    send: (r) => changePassword(r.oldPassword, r.newPassword),
    resetOnFailure: ['oldPassword'],
    onDone,
  });
  return (
    <SchemaFormElement form={form} aria-label="Change password">
      <ErrorAlert message={form.failure?.message ?? null} />
      <TextField
        label={currentLabel}
        autoFocus
        {...inputKinds.currentPassword}
        {...form.field('oldPassword')}
      />
      <TextField
        label="New password"
        hint="At least 10 characters, different from the current one."
        {...inputKinds.newPassword}
        {...form.field('newPassword')}
      />
      <div className="button-row">
        <SubmitButton form={form}>Change password</SubmitButton>
      </div>
    </SchemaFormElement>
  );
}
