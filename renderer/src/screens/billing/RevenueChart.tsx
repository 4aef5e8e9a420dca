// Billing → Reports: revenue by day as a chart (uPlot, loaded on first use
// like the chart's trends, so the Billing screen does not pay for it until a
// report is shown): what was invoiced and what was taken net of refunds, per
// day of the period. The canvas is summarised in text for screen readers and
// the same figures are in the table below it.
import { useLayoutEffect, useRef } from 'react';
import 'uplot/dist/uPlot.min.css';
import type { BillingReport } from '../../../../shared/api/billing-reports';
import { currencyDigits } from '../../../../shared/format';
import { formatDate } from '../../lib/format';

interface Props {
  days: BillingReport['byDay'];
  currency: string;
  /** Money as the screen writes it (the clinic's currency and decimals). */
  money(minor: number): string;
}

/** Noon UTC of a calendar date, in seconds: uPlot's time axis, with no zone shift of the day. */
const dayAxis = (date: string) => Date.parse(`${date}T12:00:00Z`) / 1000;

export function RevenueChart({ days, currency, money }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || days.length === 0) return;
    const scale = 10 ** currencyDigits(currency);
    const xs = days.map((d) => dayAxis(d.date));
    const invoiced = days.map((d) => d.invoiced / scale);
    const net = days.map((d) => d.net / scale);
    let plot: { destroy(): void } | null = null;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      plot = new UPlot(
        {
          width: Math.max(320, el.clientWidth || 640),
          height: 220,
          scales: { x: { time: true } },
          series: [
            {},
            { label: 'Invoiced', stroke: '#1f5fae', width: 2 },
            { label: 'Net taken', stroke: '#2e7d32', width: 2, dash: [6, 3] },
          ],
          axes: [{}, { label: currency, size: 60 }],
        },
        [xs, invoiced, net],
        el,
      );
    });
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [days, currency]);
  if (days.length === 0) return null;
  const best = days.reduce((a, b) => (b.net > a.net ? b : a));
  const invoiced = days.reduce((s, d) => s + d.invoiced, 0);
  const net = days.reduce((s, d) => s + d.net, 0);
  return (
    <figure className="trend-chart" aria-label="Revenue by day chart">
      <figcaption>
        Revenue by day: invoiced {money(invoiced)}, net taken {money(net)} over {days.length}{' '}
        {days.length === 1 ? 'day' : 'days'}; most taken on {formatDate(best.date)} (
        {money(best.net)}).
      </figcaption>
      <div ref={box} className="trend-chart__plot" aria-hidden="true" />
    </figure>
  );
}
