// The Admin screen (sessions holding admin.access; the core checks each
// permission): the sections this session's permissions open (sections.ts),
// the chosen one named in the address so a link can open it.
import type { ScreenProps } from '../../app/screen-definition';
import { Segmented } from '../../components/Segmented';
import { TitleRow } from '../../components/TitleRow';
import { useNav } from '../../stores/nav-store';
import '../../styles/admin.css';
import { adminRoute, type AdminView } from './route';
import { sectionsFor } from './sections';

export function AdminScreen({ session, view }: ScreenProps<AdminView>) {
  const go = useNav((s) => s.go);
  const shown = sectionsFor(session.capabilities);
  const current = shown.find((s) => s.id === view.section) ?? shown[0];
  return (
    <div className="screen admin">
      <TitleRow title="Admin">
        <Segmented
          label="Admin sections"
          segments={shown.map((s) => ({ value: s.id, label: s.label }))}
          value={current?.id ?? ''}
          onChange={(section) => go(adminRoute.href({ section, patientId: null }))}
        />
      </TitleRow>
      {current && <current.Panel session={session} view={view} />}
    </div>
  );
}
