// The chart header, on every tab: who the patient is, their allergies (or
// that none are known, or that nobody recorded any), active problems and the
// last visit. Admins see the demographic part only (the core sends no more).
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant, sexLabel } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import type { Sensitivity } from '../../../../shared/domain/enums';
import { SensitiveBadge } from '../patients/SensitiveBadge';
import { allergyLine } from './chart-model';
import { chartRoute } from './route';

interface Props {
  patientId: string;
  version: number;
  timeZone: string;
  sensitivity: Sensitivity;
}

export function ChartHeader({ patientId, version, timeZone, sensitivity }: Props) {
  const summary = useLoaded(`${patientId}:${version}`, () => api('chart.summary', { patientId }));
  const s = summary.value;
  return (
    <section className="chart-header" aria-label="Patient summary">
      <a className="chart-header__back" href={chartRoute.href()}>
        My day
      </a>
      <ErrorAlert message={summary.failure?.message ?? null} />
      {s && (
        <>
          <h1 className="chart-header__name" tabIndex={-1}>
            {s.name}
            <SensitiveBadge sensitivity={sensitivity} />
          </h1>
          <dl className="chart-header__facts">
            <dt>Age and sex</dt>
            <dd>
              {s.ageYears} · {sexLabel(s.sex)}
            </dd>
            <dt>MRN</dt>
            <dd>{s.medicalRecordNumber}</dd>
            <dt>Last visit</dt>
            <dd>{s.lastVisitAt ? formatInstant(s.lastVisitAt, timeZone) : 'None yet'}</dd>
            {s.clinical && (
              <>
                <dt>Allergies</dt>
                <dd
                  data-testid="chart-allergies"
                  className={
                    s.clinical.allergyStatus === 'recorded' ? 'chart-header__allergy' : undefined
                  }
                >
                  {allergyLine(s.clinical)}
                </dd>
                <dt>Active problems</dt>
                <dd data-testid="chart-problems">
                  {s.clinical.activeProblems.length === 0
                    ? 'None recorded'
                    : s.clinical.activeProblems
                        .map((p) => `${p.description} (${p.code})`)
                        .join(', ')}
                </dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
