// One trend (a vital or a lab test) drawn with uPlot on a canvas, the normal
// band shaded behind the line. The canvas is summarised in text for screen
// readers (latest value, band, how many readings). uPlot is loaded on first
// use: it is only needed on the trend tabs, and it reads window.matchMedia as
// soon as it is imported, which the rest of the app (and its tests) need not.
import { useLayoutEffect, useRef } from 'react';
import 'uplot/dist/uPlot.min.css';
import type { TrendBand } from '../../../../shared/api/trends';

export interface TrendSeries {
  title: string;
  unit: string;
  band: TrendBand | null;
  points: readonly { t: number; v: number }[];
}

const bandText = (b: TrendBand | null, unit: string): string => {
  if (!b) return 'no normal band';
  if (b.low !== null && b.high !== null) return `normal ${b.low}–${b.high} ${unit}`;
  if (b.high !== null) return `normal up to ${b.high} ${unit}`;
  return `normal from ${b.low ?? ''} ${unit}`;
};

export function TrendChart({ series, onDrawn }: { series: TrendSeries; onDrawn?: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  // The parts, not the wrapper object: a re-render of the panel must not redraw the chart.
  const { title, unit, band, points } = series;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = points.map((p) => p.t / 1000);
    const ys = points.map((p) => p.v);
    let plot: { destroy(): void } | null = null;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      plot = new UPlot(
        {
          width: Math.max(280, el.clientWidth || 560),
          height: 180,
          legend: { show: false },
          scales: {
            x: { time: true },
            y: {
              range: (_u, min, max) => {
                const lo = Math.min(min, band?.low ?? min);
                const hi = Math.max(max, band?.high ?? max);
                const pad = (hi - lo) * 0.1 || 1;
                return [lo - pad, hi + pad];
              },
            },
          },
          series: [
            {},
            { label: title, stroke: '#1f5fae', width: 2, points: { show: ys.length <= 60 } },
          ],
          axes: [{}, { label: unit, size: 50 }],
          hooks: {
            // Behind the series: the normal band as a shaded strip.
            drawAxes: [
              (u) => {
                if (!band) return;
                const { left, top, width, height } = u.bbox;
                const y1 = band.high === null ? top : u.valToPos(band.high, 'y', true);
                const y2 = band.low === null ? top + height : u.valToPos(band.low, 'y', true);
                u.ctx.save();
                u.ctx.fillStyle = 'rgba(46, 160, 67, 0.15)';
                u.ctx.fillRect(
                  left,
                  Math.max(top, y1),
                  width,
                  Math.min(top + height, y2) - Math.max(top, y1),
                );
                u.ctx.restore();
              },
            ],
            draw: [() => onDrawn?.()],
          },
        },
        [xs, ys],
        el,
      );
    });
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [title, unit, band, points, onDrawn]);
  const last = series.points[series.points.length - 1];
  return (
    <figure className="trend-chart" aria-label={`${series.title} trend`}>
      <figcaption>
        <strong>{series.title}</strong>
        {last && ` · latest ${last.v} ${series.unit}`} · {bandText(series.band, series.unit)} ·{' '}
        {series.points.length} {series.points.length === 1 ? 'reading' : 'readings'}
      </figcaption>
      <div ref={box} className="trend-chart__plot" aria-hidden="true" />
    </figure>
  );
}
