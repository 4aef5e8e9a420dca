// The shared IMMEDIATE-transaction wrapper (electron/core/store/immediate.ts):
// one wrapper per handle must behave exactly like a fresh db.transaction(fn)
// per call, since the write path and every caller's transaction use it.
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { immediate } from '../../../electron/core/store/immediate';
import type { Db } from '../../../electron/core/store/open-database';

let db: Db;
const count = () => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
const insert = (v: string) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v);

beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
});
afterEach(() => db.close());

describe('immediate', () => {
  it('returns the work’s value and commits it', () => {
    expect(immediate(db, () => (insert('a'), 42))).toBe(42);
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(1);
  });

  it('rolls the whole transaction back when the work throws', () => {
    expect(() =>
      immediate(db, () => {
        insert('a');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(0);
  });

  it('nested, rolls back only its own savepoint; the outer transaction goes on', () => {
    immediate(db, () => {
      insert('outer');
      expect(() =>
        immediate(db, () => {
          insert('inner');
          throw new Error('inner failed');
        }),
      ).toThrow('inner failed');
      immediate(db, () => insert('inner ok'));
    });
    expect(db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual([
      'outer',
      'inner ok',
    ]);
  });

  it('still refuses work that returns a promise, and writes nothing', () => {
    expect(() => immediate(db, () => Promise.resolve(insert('a')))).toThrow(/promise/);
    expect(count()).toBe(0);
  });
});
