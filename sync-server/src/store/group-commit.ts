// Group commit for the embedded store's pushes. SQLite has one writer, and a
// push is acknowledged only once durable (synchronous = FULL), so each push
// used to pay its own commit and fsync on the event loop while every other
// workstation's request waited behind it. Now the pushes that arrive while one
// is waiting for its turn are run together: each in its own savepoint (a
// refused push rolls back alone and its caller gets its error; the others are
// unaffected), all in one IMMEDIATE transaction with one commit and one fsync.
// Every caller is answered only after that commit, so an acknowledged push is
// exactly as durable as before, and a crash before it acknowledges none.
import type Database from 'better-sqlite3-multiple-ciphers';

/** At most this many pushes share a commit (bounds how long one group holds the writer). */
export const MAX_GROUP = 32;

interface Waiting<I, O> {
  input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export function groupCommit<I, O>(
  db: Database.Database,
  run: (input: I) => O,
  maxGroup = MAX_GROUP,
): (input: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  let scheduled = false;
  // Called inside the group's transaction, better-sqlite3 runs this as a savepoint.
  const one = db.transaction(run);
  const group = db.transaction((items: readonly Waiting<I, O>[]): Outcome<O>[] =>
    items.map((w) => {
      try {
        return { ok: true, value: one(w.input) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After the current turn of the event loop: requests already read join this group.
    setImmediate(flush);
  };
  const flush = () => {
    scheduled = false;
    const items = queue.splice(0, maxGroup);
    if (queue.length > 0) schedule();
    let outcomes: Outcome<O>[];
    try {
      outcomes = group.immediate(items);
    } catch (error) {
      // The commit itself failed (disk full, I/O): nothing of the group is stored.
      for (const w of items) w.reject(error);
      return;
    }
    outcomes.forEach((o, i) => {
      const w = items[i];
      if (!w) return;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      schedule();
    });
}
