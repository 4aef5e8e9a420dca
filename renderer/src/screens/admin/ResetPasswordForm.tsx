// An admin sets a temporary password for someone who forgot theirs; the user
// must choose their own at the next login (the core enforces it).
import { ResetPasswordRequest, type StaffMember } from '../../../../shared/api/admin';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { inputKinds } from '../../components/input-kinds';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AdminForm } from './AdminForm';

interface Props {
  member: StaffMember;
  onDone(member: StaffMember): void;
  onCancel(): void;
}

export function ResetPasswordForm({ member, onDone, onCancel }: Props) {
  const form = useSchemaForm({
    initial: { temporaryPassword: '' },
    schema: ResetPasswordRequest,
    toInput: (v) => ({ ...v, userId: member.id }),
    send: (request) => api('users.resetPassword', request),
    onDone,
  });
  return (
    <AdminForm
      title={`Temporary password for ${member.displayName}`}
      form={form}
      submitLabel="Set temporary password"
      onCancel={onCancel}
    >
      <TextField
        label="Temporary password"
        hint="At least 10 characters. Tell it to them in person; they choose their own at the next login."
        {...inputKinds.newPassword}
        {...form.field('temporaryPassword')}
      />
    </AdminForm>
  );
}
