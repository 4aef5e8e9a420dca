// The locked workstation: nothing of the clinic's data is on screen, only who
// locked it. Their password unlocks; anyone else uses "Switch user", which logs
// the locked user out (every save goes to the store at once, so nothing is lost).
import { sessionChannels } from '../../../../shared/api/session';
import { AuthLayout } from '../../components/AuthLayout';
import { PasswordForm } from '../../components/PasswordForm';
import { ScreenHeading } from '../../components/ScreenHeading';
import { roleLabel } from '../../lib/format';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSession } from '../../stores/session-store';
import { SubmitButton } from '../../components/SubmitButton';

export function LockScreen() {
  const { clinicName, lockedUser, unlock, logout } = useSession();
  const form = useSchemaForm({
    initial: { password: '' },
    schema: sessionChannels['session.unlock'].request,
    refusal: () => 'Enter your password to unlock.',
    send: ({ password }) => unlock(password),
    resetOnFailure: ['password'],
  });

  return (
    <AuthLayout clinicName={clinicName}>
      <ScreenHeading autoFocus={false}>Locked</ScreenHeading>
      <p className="lead">
        {lockedUser ? (
          <>
            This workstation is locked by <strong>{lockedUser.displayName}</strong> (
            {roleLabel(lockedUser.role)}, {lockedUser.email}).
          </>
        ) : (
          'This workstation is locked.'
        )}
      </p>
      <PasswordForm label="Unlock" form={form} password={form.field('password')} focus="password">
        <div className="button-row">
          <SubmitButton form={form}>Unlock</SubmitButton>
          <button
            type="button"
            className="button"
            disabled={form.busy}
            onClick={() => void form.run(logout)}
          >
            Switch user
          </button>
        </div>
      </PasswordForm>
    </AuthLayout>
  );
}
