// The trends above the vitals and lab sections: one chart per vital (normal
// band shaded), one per lab test with two or more results, and each lab
// result's flag computed from its reference range. Marks 'ehrbs:trend-data'
// and 'ehrbs:trend-rendered' for bench/vitals-trend.bench.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartTrends } from '../../../../shared/api/trends';
import { labFlagText } from '../../../../shared/charting/trends';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { TrendChart } from './TrendChart';

interface Props {
  patientId: string;
  kind: 'vitals' | 'labs';
  version: number;
}

export function TrendsPanel({ patientId, kind, version }: Props) {
  const [trends, setTrends] = useState<ChartTrends | null>(null);
  const request = useRequest();
  const drawn = useRef(0);
  useEffect(() => {
    let live = true;
    void request
      .run(() => api('chart.trends', { patientId }))
      .then((r) => {
        if (!live || !r.ok) return;
        drawn.current = 0;
        performance.mark('ehrbs:trend-data');
        setTrends(r.value);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on a new version only
  }, [patientId, version]);
  const count = trends ? (kind === 'vitals' ? trends.vitals.length : trends.labs.length) : 0;
  // Every chart has drawn its canvas: mark once the frame that shows them is done.
  const onDrawn = useCallback(() => {
    drawn.current += 1;
    if (drawn.current === count)
      requestAnimationFrame(() => setTimeout(() => performance.mark('ehrbs:trend-rendered'), 0));
  }, [count]);
  if (!trends) return <ErrorAlert message={request.failure?.message ?? null} />;
  const title = kind === 'vitals' ? 'Vitals trends' : 'Lab trends';
  return (
    <section className="trends" aria-label={title}>
      <h2>{title}</h2>
      {count === 0 && (
        <p>
          {kind === 'vitals'
            ? 'No vitals recorded yet.'
            : 'A trend appears once a test has two or more results.'}
        </p>
      )}
      {kind === 'vitals'
        ? trends.vitals.map((v) => (
            <TrendChart
              key={v.key}
              series={{ title: v.label, unit: v.unit, band: v.band, points: v.points }}
              onDrawn={onDrawn}
            />
          ))
        : trends.labs.map((l) => (
            <div key={`${l.test}|${l.unit}`} className="trends__lab">
              <TrendChart
                series={{ title: l.test, unit: l.unit, band: l.band, points: l.points }}
                onDrawn={onDrawn}
              />
              <p className="trends__flag">
                Latest:{' '}
                {labFlagText(l.points[l.points.length - 1]?.flag ?? 'unknown', l.referenceRange)}
              </p>
            </div>
          ))}
    </section>
  );
}
