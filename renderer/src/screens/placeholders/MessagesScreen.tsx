// Placeholder until the Messages screen is built; replace this file with the real screen.
import { NotBuiltPanel } from './NotBuiltPanel';

export function MessagesScreen() {
  return (
    <NotBuiltPanel title="Messages">
      Secure messages between front desk, doctors and colleagues will live here.
    </NotBuiltPanel>
  );
}
