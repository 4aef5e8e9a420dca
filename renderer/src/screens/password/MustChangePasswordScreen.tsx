// After an admin gave this user a temporary password: nothing else opens
// (the core refuses every other call) until they choose their own.
import { AuthLayout } from '../../components/AuthLayout';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSession } from '../../stores/session-store';
import { ChangePasswordForm } from './ChangePasswordForm';

export function MustChangePasswordScreen({ displayName }: { displayName: string }) {
  const { clinicName, logout } = useSession();
  return (
    <AuthLayout clinicName={clinicName}>
      <ScreenHeading autoFocus={false}>Choose a new password</ScreenHeading>
      <p className="lead">
        {displayName}, you logged in with a temporary password. Choose your own to continue.
      </p>
      <ChangePasswordForm currentLabel="Temporary password" />
      <p>
        <button type="button" className="button button--quiet" onClick={() => void logout()}>
          Log out
        </button>
      </p>
    </AuthLayout>
  );
}
