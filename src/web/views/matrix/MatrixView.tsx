// The matrix query: codes (or a code's subtree) against sites, organisations,
// participants or an attribute's values, counting segments, documents, cases or
// coded words, with totals and percent of cases; a cell opens its passages.

import { useId, useMemo, useState } from 'react';
import type { MatrixCount } from '../../../analysis/matrix.ts';
import { analysisApi, type ColumnKind, type MatrixRequest } from '../../analysis-api.ts';
import { HeatMap, type HeatMapCell } from '../../components/HeatMap.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { CoderSelect } from '../../components/CaseFilters.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { CodeScope, useStudyMeta } from './Filters.tsx';
import { SegmentQuotes } from './Quotes.tsx';
import { matrixMessages } from './messages.ts';
import { percentText } from './percent.ts';
import './matrix.css';

const COLUMN_KINDS: { kind: ColumnKind; label: 'bySite' | 'byOrganisation' | 'byParticipant' | 'byAttribute' }[] = [
  { kind: 'site', label: 'bySite' },
  { kind: 'organisation', label: 'byOrganisation' },
  { kind: 'participant', label: 'byParticipant' },
  { kind: 'attribute', label: 'byAttribute' },
];
const COUNTS: { count: MatrixCount; label: 'countSegments' | 'countDocuments' | 'countCases' | 'countWords' }[] = [
  { count: 'cases', label: 'countCases' },
  { count: 'segments', label: 'countSegments' },
  { count: 'documents', label: 'countDocuments' },
  { count: 'words', label: 'countWords' },
];

export function MatrixView() {
  const { project, users } = useWorkspace();
  const t = useMessages(matrixMessages);
  const format = useFormat();
  const id = useId();
  const client = useMemo(() => analysisApi(project.id), [project.id]);
  const { attributes } = useStudyMeta();
  const [rows, setRows] = useState('');
  const [columns, setColumns] = useState<ColumnKind>('site');
  const [attribute, setAttribute] = useState('');
  const [count, setCount] = useState<MatrixCount>('cases');
  const [coderId, setCoderId] = useState('');
  const [showPercent, setShowPercent] = useState(true);
  const [selected, setSelected] = useState<HeatMapCell | null>(null);

  const request: MatrixRequest = { rows: rows || undefined, columns, attribute: columns === 'attribute' ? attribute : undefined, count, coderId: coderId || undefined };
  const ready = columns !== 'attribute' || attribute !== '';
  const key = JSON.stringify(request);
  const result = useLoad(() => (ready ? client.matrix(request) : Promise.resolve(null)), [client, key]);
  const m = result.data ?? null;
  const cell = selected && m ? { codeId: m.rows[selected.row]?.codeId, column: m.columns[selected.column] } : null;
  const quotes = useLoad(
    () => (cell?.codeId && cell.column ? client.matrixCell(request, cell.codeId, cell.column.key) : Promise.resolve(undefined)),
    [client, key, cell?.codeId, cell?.column?.key],
  );

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setSelected(null);
  };
  const n = format.number;
  const countLabel = t(COUNTS.find((c) => c.count === count)!.label).toLocaleLowerCase(format.locale);
  const percentShown = showPercent && count === 'cases';
  const rowName = (i: number) => m?.rows[i]?.path.split('/').at(-1) ?? '';
  const percent = (i: number, j: number) => percentText(m?.percentOfCases[i]?.[j] ?? null, format.locale);

  return (
    <div className="an">
      <h1>{t('title')}</h1>
      <p className="an-intro">{t('intro')}</p>
      <div className="an-controls" role="group" aria-label={t('title')}>
        <CodeScope label={t('rows')} value={rows} onChange={change(setRows)} allLabel={t('allCodes')} placeholder={t('rowsPlaceholder')} />
        <label className="ui-field">
          <span>{t('columns')}</span>
          <select value={columns} onChange={(e) => change(setColumns)(e.target.value as ColumnKind)}>
            {COLUMN_KINDS.map((c) => (
              <option key={c.kind} value={c.kind}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </label>
        {columns === 'attribute' && (
          <label className="ui-field">
            <span>{t('attribute')}</span>
            <select value={attribute} onChange={(e) => change(setAttribute)(e.target.value)}>
              <option value="">{t('chooseAttribute')}</option>
              {attributes.map((a) => (
                <option key={a.id} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="ui-field">
          <span>{t('count')}</span>
          <select value={count} onChange={(e) => change(setCount)(e.target.value as MatrixCount)}>
            {COUNTS.map((c) => (
              <option key={c.count} value={c.count}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </label>
        <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} users={users} value={coderId} onChange={change(setCoderId)} />
        <label className="an-check">
          <input type="checkbox" checked={percentShown} disabled={count !== 'cases'} onChange={(e) => setShowPercent(e.target.checked)} />
          {t('showPercent')}
        </label>
      </div>

      {!ready ? (
        <p className="ui-muted">{t('pickAttribute')}</p>
      ) : result.error ? (
        <LoadState error={result.error} onRetry={result.reload} />
      ) : !m ? (
        <p className="ui-muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <div className={`an-layout${selected ? ' has-quotes' : ''}`}>
          <section aria-labelledby={`${id}-h`} aria-busy={result.loading}>
            <div className="an-bar">
              <h2 id={`${id}-h`}>{t('caption', { rows: rows ? rowName(0) : t('allCodes'), columns: t(COLUMN_KINDS.find((c) => c.kind === columns)!.label), what: countLabel })}</h2>
              <Downloads
                links={(['csv', 'xlsx', 'svg', 'png'] as const).map((f) => ({ format: f, href: client.downloadUrl.matrix(request, f), what: f === 'csv' || f === 'xlsx' ? 'table' : 'chart' }))}
              />
            </div>
            <p className="an-summary">{t('summary', { rows: n(m.rows.length), columns: n(m.columns.length), total: n(m.total) })}</p>
            {m.columns.length === 0 ? (
              <p className="ui-muted">{t('noColumns')}</p>
            ) : (
              <HeatMap
                caption={t('caption', { rows: rows ? rowName(0) : t('allCodes'), columns: t(COLUMN_KINDS.find((c) => c.kind === columns)!.label), what: countLabel })}
                hideCaption
                corner={t('code')}
                rows={m.rows.map((r, i) => ({ key: r.codeId, label: rowName(i), depth: r.depth - (m.rows[0]?.depth ?? 0) }))}
                columns={m.columns.map((c) => ({ key: c.key, label: c.label, detail: t('codedCases', { n: n(c.codedCases) }) }))}
                values={m.cells}
                cellText={(i, j) => (percentShown ? `${n(m.cells[i]![j]!)} · ${percent(i, j)}` : n(m.cells[i]![j]!))}
                cellLabel={(i, j) =>
                  percentShown
                    ? t('cellLabelPercent', { row: m.rows[i]!.path, column: m.columns[j]!.label, value: `${n(m.cells[i]![j]!)} ${countLabel}`, percent: percent(i, j) })
                    : t('cellLabel', { row: m.rows[i]!.path, column: m.columns[j]!.label, value: `${n(m.cells[i]![j]!)} ${countLabel}` })
                }
                totals={{ label: t('totalDistinct'), rows: m.rowTotals.map(n), columns: m.columnTotals.map(n), all: n(m.total) }}
                legend={{ label: t('legendCount', { what: countLabel }), format: n }}
                selected={selected}
                onSelect={setSelected}
              />
            )}
          </section>
          {selected && cell?.column && (
            <SegmentQuotes
              title={t('quotesTitle', { what: `${rowName(selected.row)} × ${cell.column.label}` })}
              segments={quotes.data}
              loading={quotes.loading}
              error={quotes.error}
              onRetry={quotes.reload}
              onClose={() => setSelected(null)}
            />
          )}
        </div>
      )}
    </div>
  );
}
