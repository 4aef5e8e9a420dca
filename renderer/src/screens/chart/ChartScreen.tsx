// The chart screen: a doctor's day (their queue for today), one patient's
// chart (header always visible, timeline and sections), and the visit note of
// one appointment. Content is decrypted only for the records opened here.
import { useState } from 'react';
import { holds } from '../../../../shared/auth/capabilities';
import type { ScreenProps } from '../../app/screen-definition';
import { Segmented } from '../../components/Segmented';
import { useNav } from '../../stores/nav-store';
import { SensitiveGate } from '../patients/SensitiveGate';
import { SensitivityControl } from '../patients/SensitivityControl';
import '../../styles/chart.css';
import { ChartActions } from './ChartActions';
import { ChartHeader } from './ChartHeader';
import { PatientMessages } from './PatientMessages';
import { tabLabels } from './chart-model';
import { DayView } from './DayView';
import { chartRoute, chartTabs, type ChartTab, type ChartView } from './route';
import { SectionPanel } from './SectionPanel';
import { Timeline } from './Timeline';
import { VisitNote } from './VisitNote';

export function ChartScreen({ view, session }: ScreenProps<ChartView>) {
  // Bumped after each record saved here, so the header and timeline show it.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const go = useNav((s) => s.go);
  if (view.kind === 'day') return <DayView session={session} />;
  const { patientId } = view;
  // A sensitive patient's chart opens after a reason; Cancel goes back to the day's list.
  return (
    <SensitiveGate key={patientId} patientId={patientId} onCancel={() => go(chartRoute.href())}>
      {(access, refresh) => (
        <div className="screen chart">
          <ChartHeader
            patientId={patientId}
            version={version}
            timeZone={session.tenant.timeZone}
            sensitivity={access.sensitivity}
          />
          {view.kind !== 'visit' && holds(session.capabilities, 'records.read_content') && (
            <ChartActions patientId={patientId} />
          )}
          {view.kind !== 'visit' && holds(session.capabilities, 'patients.set_sensitivity') && (
            <SensitivityControl
              patientId={patientId}
              sensitivity={access.sensitivity}
              onChanged={refresh}
            />
          )}
          {view.kind !== 'visit' && holds(session.capabilities, 'messages.use') && (
            <PatientMessages patientId={patientId} timeZone={session.tenant.timeZone} />
          )}
          {view.kind === 'visit' ? (
            <VisitNote
              session={session}
              patientId={patientId}
              appointmentId={view.appointmentId}
              onSaved={changed}
            />
          ) : (
            <>
              <Segmented<ChartTab>
                label="Chart sections"
                segments={chartTabs.map((t) => ({ value: t, label: tabLabels[t] }))}
                value={view.tab}
                onChange={(tab) => go(chartRoute.href({ kind: 'chart', patientId, tab }))}
              />
              {view.tab === 'timeline' ? (
                <Timeline
                  session={session}
                  patientId={patientId}
                  version={version}
                  onChanged={changed}
                />
              ) : (
                <SectionPanel
                  key={view.tab}
                  session={session}
                  patientId={patientId}
                  type={view.tab}
                  version={version}
                  onChanged={changed}
                />
              )}
            </>
          )}
        </div>
      )}
    </SensitiveGate>
  );
}
