// The current version of each medication and problem, derived from
// insert-only records. A record and the records amending it (directly or
// through other amendments) form one chain; stopping a medication or
// resolving a problem adds a version to the chain, never edits one.
//
// Merge rule for offline edits on two workstations: each workstation amends
// the version it saw, so a chain can end in several heads (versions nobody
// amended). Every head is kept and shown in the timeline. The chain's current
// version is then an *ending* head (stopped / resolved) if there is one, the
// earliest of them (the moment it ended), else the newest head. A stop made
// on one workstation is therefore never undone by an edit made elsewhere
// without seeing it: ending the chain again takes a new, deliberate record
// written after the stop arrived. Every replica holds the same rows, so every
// replica derives the same list.

export interface ChainRecord<C> {
  id: string;
  amendsRecordId: string | null;
  recordedAt: string;
  content: C;
}

export interface Chain<C> {
  /** The first record of the chain (the original prescription or problem). */
  rootId: string;
  current: ChainRecord<C>;
  /** More than one head: versions written concurrently on different workstations. */
  concurrent: boolean;
  versions: number;
  /** Every record of the chain. */
  ids: string[];
}

const byTime = <C>(a: ChainRecord<C>, b: ChainRecord<C>) =>
  a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id);

/** One chain per root, in order of the root's recordedAt (oldest first). */
export function currentVersions<C>(
  records: readonly ChainRecord<C>[],
  isEnded: (content: C) => boolean,
): Chain<C>[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const amended = new Set<string>();
  for (const r of records) if (r.amendsRecordId) amended.add(r.amendsRecordId);
  const rootOf = (r: ChainRecord<C>): string => {
    let cur = r;
    // Bounded walk: a cycle cannot be written locally, but merged data is not trusted blindly.
    for (let i = 0; i < records.length && cur.amendsRecordId; i++) {
      const parent = byId.get(cur.amendsRecordId);
      if (!parent) break;
      cur = parent;
    }
    return cur.id;
  };
  const chains = new Map<string, { heads: ChainRecord<C>[]; ids: string[] }>();
  for (const r of [...records].sort(byTime)) {
    const root = rootOf(r);
    const chain = chains.get(root) ?? { heads: [], ids: [] };
    chain.ids.push(r.id);
    if (!amended.has(r.id)) chain.heads.push(r);
    chains.set(root, chain);
  }
  const out: Chain<C>[] = [];
  for (const [rootId, { heads, ids }] of chains) {
    const ending = heads.find((h) => isEnded(h.content));
    const current = ending ?? heads[heads.length - 1];
    if (!current) continue;
    out.push({ rootId, current, concurrent: heads.length > 1, versions: ids.length, ids });
  }
  const rootTime = (c: Chain<C>) => byId.get(c.rootId)?.recordedAt ?? '';
  return out.sort(
    (a, b) => rootTime(a).localeCompare(rootTime(b)) || a.rootId.localeCompare(b.rootId),
  );
}
