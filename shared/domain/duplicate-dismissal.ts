import { z } from 'zod';
import { Id, rowBase } from './primitives';

/**
 * An admin's "not the same person" for a likely duplicate pair (ids in
 * ascending order). A pair is dismissed while any live dismissal names it, so
 * two workstations dismissing it offline simply keep two rows, and undoing
 * tombstones every row the undoing workstation knows of (add wins over a
 * concurrent undo it had not seen).
 */
export const DuplicateDismissal = z
  .object({
    ...rowBase,
    patientA: Id,
    patientB: Id,
  })
  .refine((d) => d.patientA < d.patientB, {
    message: 'A dismissal names its two patients in ascending id order.',
    path: ['patientB'],
  });
export type DuplicateDismissal = z.infer<typeof DuplicateDismissal>;
