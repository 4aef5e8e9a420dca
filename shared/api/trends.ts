// The chart's trends: each vital over time with its normal band, and each
// lab test with two or more results, each result flagged from its reference
// range. Reading them decrypts the records (audited), so it needs clinical
// content access.
import { z } from 'zod';
import { channel } from './contract';
import { Id } from '../domain/primitives';
import { VITAL_KEYS } from '../charting/content';

/** A band; null on a side that is open ("<5.7" has no lower bound). */
export const TrendBand = z.object({ low: z.number().nullable(), high: z.number().nullable() });
export type TrendBand = z.infer<typeof TrendBand>;

const Point = z.object({ t: z.number(), v: z.number() });

export const ChartTrends = z.object({
  vitals: z.array(
    z.object({
      key: z.enum(VITAL_KEYS as [string, ...string[]]),
      label: z.string(),
      unit: z.string(),
      band: TrendBand.nullable(),
      points: z.array(Point),
    }),
  ),
  labs: z.array(
    z.object({
      test: z.string(),
      unit: z.string(),
      band: TrendBand.nullable(),
      referenceRange: z.string(),
      points: z.array(Point.extend({ flag: z.enum(['low', 'high', 'normal', 'unknown']) })),
    }),
  ),
});
export type ChartTrends = z.infer<typeof ChartTrends>;

export const trendChannels = {
  'chart.trends': channel(
    'chart.trends',
    z.object({ patientId: Id }).strict(),
    ChartTrends,
    'records.read_content',
  ),
} as const;
