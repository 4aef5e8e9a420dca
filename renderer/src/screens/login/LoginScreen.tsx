// Login works offline: the core checks the password against the local store.
import { sessionChannels } from '../../../../shared/api/session';
import { AuthLayout } from '../../components/AuthLayout';
import { PasswordForm } from '../../components/PasswordForm';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSession } from '../../stores/session-store';
import { DemoLogins } from './DemoLogins';
import { SubmitButton } from '../../components/SubmitButton';

export function LoginScreen() {
  const { clinicName, lastUserEmail, demoLogins, login } = useSession();
  const form = useSchemaForm({
    initial: { email: lastUserEmail ?? '', password: '' },
    schema: sessionChannels['session.login'].request,
    refusal: () => 'Enter your email and password.',
    send: ({ email, password }) => login(email, password),
    resetOnFailure: ['password'],
  });

  return (
    <AuthLayout clinicName={clinicName}>
      <ScreenHeading autoFocus={false}>Log in</ScreenHeading>
      <PasswordForm
        label="Log in"
        form={form}
        email={form.field('email')}
        password={form.field('password')}
        focus={lastUserEmail ? 'password' : 'email'}
      >
        <SubmitButton form={form} busyLabel="Logging in…">
          Log in
        </SubmitButton>
      </PasswordForm>
      <DemoLogins
        logins={demoLogins}
        busy={form.busy}
        onPick={(l) => void form.submit({ email: l.email, password: l.password })}
      />
    </AuthLayout>
  );
}
