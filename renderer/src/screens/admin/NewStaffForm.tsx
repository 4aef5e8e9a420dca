// Adds a front-desk user or an administrator (with the permissions they hold).
// They log in with the email and initial password given here.
import { useState, type FormEvent } from 'react';
import { NewStaffRequest, type StaffMember } from '../../../../shared/api/admin';
import type { Permission } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { PermissionsFieldset } from './PermissionsFieldset';
import { useSchemaForm } from './useSchemaForm';

interface Props {
  role: 'front_desk' | 'admin';
  onCreated(member: StaffMember): void;
  onCancel(): void;
}

export function NewStaffForm({ role, onCreated, onCancel }: Props) {
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const { form, field, failure, busy, submit } = useSchemaForm(
    { displayName: '', email: '', password: '' },
    NewStaffRequest,
    (r) => api('users.create', r),
    onCreated,
  );
  const title = role === 'admin' ? 'New administrator' : 'New front-desk staff member';

  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit({ ...form, role, permissions: role === 'admin' ? permissions : [] });
  };

  return (
    <form className="panel admin-form" onSubmit={send} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ErrorAlert message={failure} />
      <TextField label="Full name" autoComplete="off" autoFocus {...field('displayName')} />
      <TextField label="Email" type="email" autoComplete="off" {...field('email')} />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Give it to them in person."
        {...field('password')}
      />
      {role === 'admin' && <PermissionsFieldset value={permissions} onChange={setPermissions} />}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {role === 'admin' ? 'Create administrator' : 'Create front-desk user'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
