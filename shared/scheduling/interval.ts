// Half-open time intervals [start, end) in epoch milliseconds, and the few
// set operations the scheduling rules need.

export interface Interval {
  /** Inclusive start, epoch ms. */
  start: number;
  /** Exclusive end, epoch ms. */
  end: number;
}

/** True when two half-open intervals share any instant; back-to-back ones do not. */
export const intersects = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

/**
 * Sorts and unions overlapping intervals. Touching intervals stay apart, so a
 * session that ends where the next begins keeps its own slot alignment.
 * Empty intervals are dropped. Returns new objects; the input is not changed.
 */
export function mergeOverlapping<T extends Interval>(items: readonly T[]): T[] {
  const sorted = items.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: T[] = [];
  for (const cur of sorted) {
    const last = out[out.length - 1];
    if (last && cur.start < last.end) {
      if (cur.end > last.end) last.end = cur.end;
    } else {
      out.push({ ...cur });
    }
  }
  return out;
}

/** Removes every `cut` from the sorted, disjoint `items`. Pieces keep their other fields. */
export function subtractAll<T extends Interval>(
  items: readonly T[],
  cuts: readonly Interval[],
): T[] {
  let pieces: T[] = [...items];
  for (const cut of cuts) {
    const next: T[] = [];
    for (const p of pieces) {
      if (!intersects(p, cut)) {
        next.push(p);
        continue;
      }
      if (p.start < cut.start) next.push({ ...p, end: cut.start });
      if (cut.end < p.end) next.push({ ...p, start: cut.end });
    }
    pieces = next;
  }
  return pieces;
}
