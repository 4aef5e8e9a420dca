// One section of the chart: its add form (for doctors) above its own records.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import type { RecordType } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { useRequest } from '../../lib/useRequest';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CurrentList } from './CurrentList';
import { DocumentsPanel } from './DocumentsPanel';
import { NoteForm } from './NoteForm';
import { SectionForm } from './SectionForm';
import { Timeline } from './Timeline';
import { TrendsPanel } from './TrendsPanel';
import { createRequest, typeLabels } from './chart-model';

interface Props {
  session: SessionInfo;
  patientId: string;
  type: RecordType;
  version: number;
  onChanged(): void;
}

export function SectionPanel({ session, patientId, type, version, onChanged }: Props) {
  const canWrite = holds(session.capabilities, 'records.write');
  const nka = useRequest();
  // Set when the core warned that the drug matches a recorded allergy.
  const [warned, setWarned] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const title = `Add ${typeLabels[type].toLowerCase()}`;
  if (type === 'document')
    return (
      <div className="section-panel">
        <DocumentsPanel
          session={session}
          patientId={patientId}
          version={version}
          onChanged={onChanged}
        />
        <Timeline
          session={session}
          patientId={patientId}
          version={version}
          onChanged={onChanged}
          fixedType={type}
        />
      </div>
    );
  return (
    <div className="section-panel">
      {canWrite &&
        (type === 'note' ? (
          <NoteForm
            title="Add note"
            label="Note"
            send={(content, sign) =>
              api('records.create', { patientId, recordType: 'note', content, sign })
            }
            onDone={onChanged}
          />
        ) : (
          <SectionForm
            type={type}
            title={title}
            send={(content, sign) =>
              api('records.create', createRequest(patientId, type, content, sign, acknowledged))
            }
            onDone={() => {
              setWarned(false);
              setAcknowledged(false);
              onChanged();
            }}
            onRefused={(f) => setWarned(f.code === 'CONFLICT')}
          >
            {warned && (
              <div className="allergy-warning" role="alert">
                <p>This drug matches an allergy in the header.</p>
                <label>
                  <input
                    type="checkbox"
                    checked={acknowledged}
                    onChange={(e) => setAcknowledged(e.target.checked)}
                  />{' '}
                  I have checked the allergy; prescribe anyway
                </label>
              </div>
            )}
          </SectionForm>
        ))}
      {canWrite && type === 'allergy' && (
        <div className="button-row">
          <ErrorAlert message={nka.failure?.message ?? null} />
          <button
            type="button"
            className="button"
            disabled={nka.busy}
            onClick={() =>
              void nka
                .run(() =>
                  api('records.create', {
                    patientId,
                    recordType: 'allergy',
                    content: { noKnownAllergies: true },
                    sign: true,
                  }),
                )
                .then((r) => r.ok && onChanged())
            }
          >
            Record “No known allergies”
          </button>
        </div>
      )}
      {(type === 'vitals' || type === 'lab_result') &&
        holds(session.capabilities, 'records.read_content') && (
          <TrendsPanel
            patientId={patientId}
            kind={type === 'vitals' ? 'vitals' : 'labs'}
            version={version}
          />
        )}
      {(type === 'prescription' || type === 'diagnosis') &&
        holds(session.capabilities, 'records.read_content') && (
          <CurrentList
            session={session}
            patientId={patientId}
            kind={type === 'prescription' ? 'medications' : 'problems'}
            version={version}
            onChanged={onChanged}
          />
        )}
      <Timeline
        session={session}
        patientId={patientId}
        version={version}
        onChanged={onChanged}
        fixedType={type}
      />
    </div>
  );
}
