// Group commit (sync-server/src/store/group-commit.ts) on a real SQLite file:
// pushes that arrive together share one transaction (a second connection sees
// none of them until all are committed), a refused one rolls back alone and
// only its caller gets the error, and more than a group's worth are all run.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { groupCommit } from '../../../sync-server/src/store/group-commit';
import { tempDir } from '../../core/helpers';

const dirs: { cleanup: () => void }[] = [];
const dbs: Database.Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) d.cleanup();
});

function files() {
  const d = tempDir('ehrbs-group-commit-');
  dirs.push(d);
  const file = join(d.dir, 'store.db');
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  const reader = new Database(file, { readonly: true });
  dbs.push(writer, reader);
  const committed = () => (reader.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c;
  return { writer, committed };
}

describe('group commit', () => {
  it('runs pushes that arrive together in one transaction, answering each after the commit', async () => {
    const { writer, committed } = files();
    const seenByOthers: number[] = [];
    const push = groupCommit(writer, (n: number) => {
      writer.prepare('INSERT INTO t (n) VALUES (?)').run(n);
      seenByOthers.push(committed());
      return n * 10;
    });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => push(i + 1)));
    expect(answers).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 10));
    // Nothing of the group was visible to another connection before its one commit.
    expect(seenByOthers).toEqual(Array(12).fill(0));
    expect(committed()).toBe(12);
  });

  it('rolls back a refused push alone; the others are stored and answered', async () => {
    const { writer, committed } = files();
    const push = groupCommit(writer, (n: number) => {
      writer.prepare('INSERT INTO t (n) VALUES (?)').run(n);
      if (n === 3) throw new Error('refused: 3');
      return n;
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => push(n)));
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(results[2]).toMatchObject({ reason: new Error('refused: 3') });
    const rows = writer.prepare('SELECT n FROM t ORDER BY n').pluck().all();
    expect(rows).toEqual([1, 2, 4]);
    expect(committed()).toBe(3);
  });

  it('runs more than a group’s worth, in order, in several commits', async () => {
    const { writer } = files();
    const order: number[] = [];
    const push = groupCommit(
      writer,
      (n: number) => {
        writer.prepare('INSERT INTO t (n) VALUES (?)').run(n);
        order.push(n);
        return n;
      },
      4,
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => push(i)));
    expect(order).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });
});
