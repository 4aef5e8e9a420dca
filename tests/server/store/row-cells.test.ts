// A row's winners index as the server stores it: one entry per stored change
// that still wins a column, so a new row (one change) is one small entry, and
// what is read back is exactly what was written.
import { expect, it } from 'vitest';
import { decodeRowCells, encodeRowCells } from '../../../sync-server/src/sync/row-cells';

it('stores one entry per winning change and reads back every column’s winner', () => {
  const cells = {
    givenName: ['h2', 7],
    familyName: ['h1', 3],
    email: ['h1', 3],
    deletedAt: ['h1', 3],
  } as const;
  const text = encodeRowCells(cells);
  expect(JSON.parse(text)).toEqual([
    [7, 'h2', 'givenName'],
    [3, 'h1', 'familyName,email,deletedAt'],
  ]);
  expect(decodeRowCells(text)).toEqual(cells);
});
