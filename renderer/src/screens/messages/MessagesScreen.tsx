// Messages is not built yet (issue 10 builds it): an honest notice until then.
import { ComingPanel } from '../../components/ComingPanel';

export function MessagesScreen() {
  return (
    <ComingPanel title="Messages">
      Secure messages between front desk, doctors and colleagues will live here.
    </ComingPanel>
  );
}
