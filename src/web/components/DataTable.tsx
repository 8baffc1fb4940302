// A real <table> with column headers that sort (aria-sort), row headers, and an
// empty state. Sorting compares with the interface language's collation.

import { useMemo, useState, type ReactNode } from 'react';
import { useMessages } from '../i18n/index.tsx';
import { useFormat } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';
import './components.css';

export interface Column<R> {
  key: string;
  header: string;
  cell(row: R): ReactNode;
  /** Makes the column sortable. */
  sortValue?(row: R): string | number | null;
  numeric?: boolean;
  /** This column's cells name the row (<th scope="row">). */
  rowHeader?: boolean;
}

export interface Sort {
  key: string;
  descending: boolean;
}

export interface DataTableProps<R> {
  caption: string;
  /** Caption for screen readers only (a heading already names the table). */
  hideCaption?: boolean;
  columns: Column<R>[];
  rows: R[];
  rowKey(row: R): string;
  empty: ReactNode;
  initialSort?: Sort;
  className?: string;
}

export function DataTable<R>({ caption, hideCaption, columns, rows, rowKey, empty, initialSort, className }: DataTableProps<R>) {
  const t = useMessages(componentMessages);
  const format = useFormat();
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const sign = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : format.compare(String(x), String(y)));
    });
  }, [rows, columns, sort, format]);

  return (
    <div className={`ui-table-wrap ${className ?? ''}`}>
      <table className="ui-table">
        <caption className={hideCaption ? 'ui-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'is-numeric' : undefined}
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="ui-sort"
                      title={t('sortBy', { column: c.header })}
                      onClick={() => setSort({ key: c.key, descending: active ? !sort.descending : false })}
                    >
                      {c.header}
                      <span aria-hidden="true" className="ui-sort-mark">
                        {active ? (sort.descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.numeric ? 'is-numeric' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'is-numeric' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
          {sorted.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="ui-table-empty">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
