// The browser host only answers pages opened from the address it printed
// (which carries the launch secret). Opened any other way, say what to do.
import { AuthLayout } from '../components/AuthLayout';

export function NoSecretScreen() {
  return (
    <AuthLayout>
      <h1>Open the address printed by `npm run web`</h1>
      <p className="lead">
        For your clinic&apos;s safety, EHRBS in a browser only works from the exact address it
        printed when it started (it contains a one-time key). Copy that address from the terminal
        into this browser tab.
      </p>
    </AuthLayout>
  );
}
