// The merge rule every replica runs: the later HLC wins per cell, ties go to
// the device id inside the HLC, and any delivery order or duplication of the
// same changes ends in the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/sync/hlc';
import {
  latestPerCell,
  mergeChanges,
  shouldApply,
  type CellChange,
  type CellValue,
} from '../../../shared/sync/merge';

const hlc = (millis: number, counter: number, deviceId: string) =>
  formatHlc({ millis, counter, deviceId });
const cellOf = (hlcText: string, value: string): CellChange => ({
  table: 'patients',
  rowId: 'r1',
  column: 'firstName',
  hlc: hlcText,
  value,
});

describe('shouldApply', () => {
  it('fills an empty cell and lets only a later clock overwrite it', () => {
    expect(shouldApply(null, hlc(1, 0, 'a'))).toBe(true);
    expect(shouldApply(hlc(5, 0, 'a'), hlc(6, 0, 'a'))).toBe(true);
    expect(shouldApply(hlc(5, 1, 'a'), hlc(5, 0, 'b'))).toBe(false);
    expect(shouldApply(hlc(5, 0, 'a'), hlc(5, 0, 'a'))).toBe(false);
  });

  it('breaks a tie of time and counter by device id', () => {
    expect(shouldApply(hlc(5, 0, 'device-a'), hlc(5, 0, 'device-b'))).toBe(true);
    expect(shouldApply(hlc(5, 0, 'device-b'), hlc(5, 0, 'device-a'))).toBe(false);
  });

  it('orders past the millisecond digits carrying over (fixed-width text)', () => {
    expect(shouldApply(hlc(999, 0xffff, 'z'), hlc(1000, 0, 'a'))).toBe(true);
  });
});

describe('mergeChanges', () => {
  it('keeps a delete (a deletedAt tombstone) against an older edit arriving late', () => {
    const cells = new Map<string, CellValue>();
    const tombstone = {
      table: 'patients',
      rowId: 'r1',
      column: 'deletedAt',
      hlc: hlc(10, 0, 'a'),
      value: 'enc(2026-01-01)',
    };
    const olderUndelete = { ...tombstone, hlc: hlc(9, 0, 'b'), value: 'enc(null)' };
    mergeChanges(cells, [tombstone]);
    expect(mergeChanges(cells, [olderUndelete])).toEqual([]);
    expect([...cells.values()]).toEqual([{ hlc: tombstone.hlc, value: tombstone.value }]);
  });

  it('returns nothing when a batch is applied again', () => {
    const cells = new Map<string, CellValue>();
    const batch = [cellOf(hlc(1, 0, 'a'), 'Ada'), cellOf(hlc(2, 0, 'a'), 'Ada L.')];
    expect(mergeChanges(cells, batch)).toHaveLength(2);
    expect(mergeChanges(cells, batch)).toEqual([]);
  });

  it('picks one winner per cell', () => {
    const winners = latestPerCell([
      cellOf(hlc(2, 0, 'a'), 'second'),
      cellOf(hlc(1, 0, 'b'), 'first'),
    ]);
    expect([...winners.values()].map((c) => c.value)).toEqual(['second']);
  });
});

const arbChange = fc.record({
  table: fc.constantFrom('patients', 'appointments'),
  rowId: fc.constantFrom('r1', 'r2'),
  column: fc.constantFrom('firstName', 'notes', 'deletedAt'),
  hlc: fc
    .tuple(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('dev-a', 'dev-b', 'dev-c'),
    )
    .map(([m, c, d]) => hlc(m, c, d)),
  value: fc.string({ maxLength: 4 }),
});

describe('convergence', () => {
  it('ends with the same cells whatever the delivery order, duplication or batching', () => {
    fc.assert(
      fc.property(
        // One HLC is one write: a device never issues two values for one cell at one HLC.
        fc.uniqueArray(arbChange, {
          selector: (c) => `${c.table}|${c.rowId}|${c.column}|${c.hlc}`,
          maxLength: 30,
        }),
        fc.infiniteStream(fc.nat()),
        fc.integer({ min: 1, max: 5 }),
        (changes, randoms, batchSize) => {
          const reference = new Map<string, CellValue>();
          mergeChanges(reference, changes);

          // Another replica: every change delivered at least once, some twice, in a shuffled order, in batches.
          const it = randoms[Symbol.iterator]();
          const next = () => it.next().value as number;
          const delivery: CellChange[] = changes.flatMap((c) => (next() % 3 === 0 ? [c, c] : [c]));
          for (let i = delivery.length - 1; i > 0; i--) {
            const j = next() % (i + 1);
            [delivery[i], delivery[j]] = [delivery[j] as CellChange, delivery[i] as CellChange];
          }
          const replica = new Map<string, CellValue>();
          for (let i = 0; i < delivery.length; i += batchSize)
            mergeChanges(replica, delivery.slice(i, i + batchSize));

          expect(replica).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** HLC order computed from the parts (not by comparing text), so it checks the merge rule independently. */
const later = (a: string, b: string): boolean => {
  const parts = (h: string) => {
    const [millis = '', counter = '', ...device] = h.split('-');
    return [Number(millis), parseInt(counter, 16), device.join('-')] as const;
  };
  const [am, ac, ad] = parts(a);
  const [bm, bc, bd] = parts(b);
  return am !== bm ? am > bm : ac !== bc ? ac > bc : ad > bd;
};

describe('last writer wins', () => {
  it('leaves every cell with the value of its change with the highest HLC, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbChange, {
          selector: (c) => `${c.table}|${c.rowId}|${c.column}|${c.hlc}`,
          minLength: 1,
          maxLength: 30,
        }),
        fc.nat(),
        (changes, seed) => {
          // The oracle: per cell, the change whose HLC is the greatest of all its changes.
          const expected = new Map<string, CellValue>();
          const byCell = new Map<string, CellChange>();
          for (const c of changes) {
            const k = `${c.table}|${c.rowId}|${c.column}`;
            const best = byCell.get(k);
            if (!best || later(c.hlc, best.hlc)) byCell.set(k, c);
          }
          for (const c of byCell.values())
            expected.set(`${c.table}\u0000${c.rowId}\u0000${c.column}`, {
              hlc: c.hlc,
              value: c.value,
            });

          const shuffled: CellChange[] = [...changes];
          let s = seed || 1;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as CellChange, shuffled[i] as CellChange];
          }
          const cells = new Map<string, CellValue>();
          mergeChanges(cells, shuffled);
          expect(cells).toEqual(expected);
          expect(
            new Map(
              [...latestPerCell(shuffled)].map(([k, c]) => [k, { hlc: c.hlc, value: c.value }]),
            ),
          ).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
