// The merge rule of medication and problem chains (shared/charting/current-list.ts).
import { describe, expect, it } from 'vitest';
import { currentVersions, type ChainRecord } from '../../../shared/charting/current-list';

type C = { status: string };
const rec = (id: string, at: string, amends: string | null, status = 'active'): ChainRecord<C> => ({
  id,
  amendsRecordId: amends,
  recordedAt: `2026-12-0${at}T10:00:00.000Z`,
  content: { status },
});
const ended = (c: C) => c.status === 'stopped';

describe('currentVersions', () => {
  it('follows a chain of amendments to its latest version', () => {
    const [chain, ...rest] = currentVersions(
      [rec('b', '2', 'a'), rec('a', '1', null), rec('c', '3', 'b')],
      ended,
    );
    expect(rest).toEqual([]);
    expect(chain).toMatchObject({ rootId: 'a', versions: 3, concurrent: false });
    expect(chain?.current.id).toBe('c');
  });

  it('with concurrent heads, a stop wins over a later edit, whatever order the rows arrive in', () => {
    const rows = [rec('a', '1', null), rec('s', '2', 'a', 'stopped'), rec('e', '3', 'a')];
    for (const order of [rows, [...rows].reverse(), [rows[2], rows[0], rows[1]]])
      expect(currentVersions(order as ChainRecord<C>[], ended)[0]?.current.id).toBe('s');
  });

  it('without a stop, the newest head is current; two stops: the earliest', () => {
    expect(
      currentVersions([rec('a', '1', null), rec('x', '3', 'a'), rec('y', '2', 'a')], ended)[0]
        ?.current.id,
    ).toBe('x');
    expect(
      currentVersions(
        [rec('a', '1', null), rec('x', '3', 'a', 'stopped'), rec('y', '2', 'a', 'stopped')],
        ended,
      )[0]?.current.id,
    ).toBe('y');
  });

  it('keeps separate chains apart, oldest original first', () => {
    const chains = currentVersions([rec('m2', '2', null), rec('m1', '1', null)], ended);
    expect(chains.map((c) => c.rootId)).toEqual(['m1', 'm2']);
  });
});
