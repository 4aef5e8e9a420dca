// ICD-10 code search for the problem and diagnosis forms: the workstation's
// own code list (starter list plus an imported ICD-10-CM order file), searched
// through its FTS index as the doctor types. Reference data, not clinical.
import { z } from 'zod';
import { channel } from './contract';

export const Icd10Match = z.object({
  code: z.string(),
  description: z.string(),
  /** False for a header code (a category, not itself a diagnosis in ICD-10-CM). */
  billable: z.boolean(),
});
export type Icd10Match = z.infer<typeof Icd10Match>;

export const codeChannels = {
  'codes.search': channel(
    'codes.search',
    z
      .object({
        query: z.string().max(100, 'type at most 100 characters'),
        limit: z.number().int().min(1).max(50).default(8),
      })
      .strict(),
    z.object({ items: z.array(Icd10Match) }),
    'records.write',
  ),
} as const;
