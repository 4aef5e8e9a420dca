// The Admin screen (sessions holding admin.access; the core checks each
// permission): the sections this session's permissions open (sections.ts).
import { useState } from 'react';
import type { ScreenProps } from '../../app/screen-definition';
import { Segmented } from '../../components/Segmented';
import { TitleRow } from '../../components/TitleRow';
import '../../styles/admin.css';
import { sectionsFor } from './sections';

export function AdminScreen({ session }: ScreenProps<undefined>) {
  const shown = sectionsFor(session.capabilities);
  const [chosen, setChosen] = useState(shown[0]?.id ?? '');
  const current = shown.find((s) => s.id === chosen) ?? shown[0];
  return (
    <div className="screen admin">
      <TitleRow title="Admin">
        <Segmented
          label="Admin sections"
          segments={shown.map((s) => ({ value: s.id, label: s.label }))}
          value={current?.id ?? ''}
          onChange={setChosen}
        />
      </TitleRow>
      {current && <current.Panel session={session} />}
    </div>
  );
}
