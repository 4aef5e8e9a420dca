// Who a new staff account is and how they first log in: the fields every new
// account has (front desk, administrator, doctor), as NewStaffRequest and
// NewDoctorRequest name them.
import { TextField } from '../../components/TextField';
import type { FieldProps } from '../../lib/useSchemaForm';
import { inputKinds } from '../../components/input-kinds';

export interface AccountValues {
  displayName: string;
  email: string;
  password: string;
}

export const emptyAccount: AccountValues = { displayName: '', email: '', password: '' };

export function AccountFields({ field }: { field(name: keyof AccountValues): FieldProps }) {
  return (
    <>
      <TextField label="Full name" autoFocus {...field('displayName')} />
      <TextField label="Email" type="email" {...field('email')} />
      <TextField
        label="Initial password"
        hint="At least 10 characters. Give it to them in person."
        {...inputKinds.newPassword}
        {...field('password')}
      />
    </>
  );
}
