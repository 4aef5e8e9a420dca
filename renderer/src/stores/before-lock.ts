// Work a screen must save before the session locks or ends (a visit note's
// draft). The session store awaits every registered flush before it asks the
// core to lock or log out: once the core has locked, it refuses the save that
// the screen would otherwise make as it unmounts.
type Flush = () => Promise<unknown>;

const flushes = new Set<Flush>();

/** Registers `flush` until the returned function is called (on unmount). */
export function flushBeforeLock(flush: Flush): () => void {
  flushes.add(flush);
  return () => void flushes.delete(flush);
}

/** Runs every registered flush; a failed save is the screen's to report and never blocks the lock. */
export async function flushAllBeforeLock(): Promise<void> {
  await Promise.allSettled([...flushes].map((f) => f()));
}
