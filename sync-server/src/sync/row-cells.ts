// How a row's winners index is stored: one entry per stored change that still
// wins a column, `[seq, hlc, "col,col,…"]` (the columns it wins), as JSON
// text. A new row is one entry, about a third of the bytes of one entry per
// column; the store reads and writes it whole, once per row a push touches.
import type { RowCells } from './plan-push';

type Entry = [seq: number, hlc: string, columns: string];

export function encodeRowCells(cells: RowCells): string {
  const bySeq = new Map<number, Entry>();
  for (const [column, [hlc, seq]] of Object.entries(cells)) {
    const entry = bySeq.get(seq);
    if (entry) entry[2] += `,${column}`;
    else bySeq.set(seq, [seq, hlc, column]);
  }
  return JSON.stringify([...bySeq.values()]);
}

export function decodeRowCells(text: string): RowCells {
  const cells: Record<string, readonly [string, number]> = {};
  for (const [seq, hlc, columns] of JSON.parse(text) as Entry[]) {
    const winner = [hlc, Number(seq)] as const;
    for (const column of columns.split(',')) cells[column] = winner;
  }
  return cells;
}
