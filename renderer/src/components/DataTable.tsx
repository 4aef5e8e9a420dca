// A table of records: a header row, then one row per record, the record's
// naming cell as the row header (so screen readers say whose row it is) and
// an actions column whose header is for screen readers only.
import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
  /** The cell that names the row (a person): a <th scope="row">. */
  rowHeader?: boolean;
  /** A column of buttons: its header is read out but not shown. */
  hiddenHeader?: boolean;
}

interface Props<T> {
  className: string;
  /** The table's name, for screen readers only. */
  caption?: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
}

export function DataTable<T>({ className, caption, columns, rows, rowKey }: Props<T>) {
  return (
    <table className={className}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header}>{c.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
