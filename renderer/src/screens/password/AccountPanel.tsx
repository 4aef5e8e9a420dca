// Anyone changes their own password here (the current one is required); opened
// from the top bar over whatever screen is showing.
import { useState } from 'react';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPanel({ onClose }: { onClose(): void }) {
  const [changed, setChanged] = useState(false);
  return (
    <section id="account-panel" className="panel" aria-labelledby="account-panel-title">
      <h2 id="account-panel-title">Change your password</h2>
      {changed ? (
        <p role="status">Your password is changed. Use the new one from now on.</p>
      ) : (
        <ChangePasswordForm currentLabel="Current password" onDone={() => setChanged(true)} />
      )}
      <div className="button-row">
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
