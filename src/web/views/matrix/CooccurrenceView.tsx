// Co-occurrence: code × code counts of overlapping passages (or within N
// characters) as a heat map, and the strongest pairs as a list; any count opens
// the pairs of passages behind it, the diagonal a code's own passages.

import { useId, useMemo, useState } from 'react';
import { analysisApi, type CooccurrenceRequest } from '../../analysis-api.ts';
import { HeatMap } from '../../components/HeatMap.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { AttributeSelect, CoderSelect, SiteSelect } from '../../components/CaseFilters.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { CodeScope, useStudyMeta } from './Filters.tsx';
import { PairQuotes, SegmentQuotes } from './Quotes.tsx';
import { matrixMessages } from './messages.ts';
import './matrix.css';

/** Two codes: the same one twice is the diagonal. */
interface Selection {
  a: string;
  b: string;
}

const lastName = (path: string) => path.split('/').at(-1) ?? path;

export function CooccurrenceView() {
  const { project, api, users } = useWorkspace();
  const t = useMessages(matrixMessages);
  const format = useFormat();
  const id = useId();
  const client = useMemo(() => analysisApi(project.id), [project.id]);
  const { cases, attributes } = useStudyMeta();
  const [rows, setRows] = useState('');
  const [within, setWithin] = useState('');
  const [coderId, setCoderId] = useState('');
  const [siteId, setSiteId] = useState('');
  const [attribute, setAttribute] = useState('');
  const [top, setTop] = useState(20);
  const [selected, setSelected] = useState<Selection | null>(null);

  const near = /^\d+$/.test(within.trim()) ? Number(within) : undefined;
  const request: CooccurrenceRequest = { rows: rows || undefined, within: near, coderId: coderId || undefined, siteId: siteId || undefined, attribute: attribute || undefined, top };
  const key = JSON.stringify(request);
  const result = useLoad(() => client.cooccurrence(request), [client, key]);
  const c = result.data;
  const pairs = useLoad(
    () => (selected && selected.a !== selected.b ? client.cooccurrencePairs(request, selected.a, selected.b) : Promise.resolve(undefined)),
    [client, key, selected?.a, selected?.b],
  );
  const own = useLoad(
    () => (selected && selected.a === selected.b ? api.retrieve(selected.a, { coderId: request.coderId, siteId: request.siteId, attribute: request.attribute }) : Promise.resolve(undefined)),
    [api, key, selected?.a, selected?.b],
  );

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setSelected(null);
  };
  const n = format.number;
  const pathOf = (codeId: string) => c?.codes.find((x) => x.codeId === codeId)?.path ?? codeId;
  const indexOf = (codeId: string) => c?.codes.findIndex((x) => x.codeId === codeId) ?? -1;
  const selectedCell = selected ? { row: indexOf(selected.a), column: indexOf(selected.b) } : null;
  const downloads = [
    ...(['csv', 'xlsx'] as const).map((f) => ({ format: f, href: client.downloadUrl.cooccurrence(request, f), what: 'table' as const })),
    { format: 'csv' as const, href: client.downloadUrl.cooccurrence(request, 'csv', 'pairs'), what: 'pairsTable' as const },
    ...(['svg', 'png'] as const).map((f) => ({ format: f, href: client.downloadUrl.cooccurrence(request, f), what: 'chart' as const })),
  ];
  const quotesTitle = selected ? t('quotesTitle', { what: selected.a === selected.b ? lastName(pathOf(selected.a)) : `${lastName(pathOf(selected.a))} × ${lastName(pathOf(selected.b))}` }) : '';

  return (
    <div className="an">
      <h1>{t('cooccurrenceTitle')}</h1>
      <p className="an-intro">{t('cooccurrenceIntro')}</p>
      <div className="an-controls" role="group" aria-label={t('cooccurrenceTitle')}>
        <CodeScope label={t('codes')} value={rows} onChange={change(setRows)} allLabel={t('codesPlaceholder')} placeholder={t('rowsPlaceholder')} />
        <label className="ui-field">
          <span>{t('within')}</span>
          <input type="number" min={0} step={10} inputMode="numeric" value={within} placeholder={t('withinHint')} title={t('withinHint')} onChange={(e) => change(setWithin)(e.target.value)} />
        </label>
        <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} users={users} value={coderId} onChange={change(setCoderId)} />
        <SiteSelect label={t('site')} anyLabel={t('anySite')} cases={cases} value={siteId} onChange={change(setSiteId)} />
        <AttributeSelect label={t('caseAttribute')} anyLabel={t('anyAttribute')} className="an-wide" cases={cases} attributes={attributes} value={attribute} onChange={change(setAttribute)} />
        <label className="ui-field an-narrow">
          <span>{t('top')}</span>
          <input type="number" min={1} max={500} value={top} onChange={(e) => setTop(Math.max(1, Math.min(500, Number(e.target.value) || 1)))} />
        </label>
      </div>

      {result.error ? (
        <LoadState error={result.error} onRetry={result.reload} />
      ) : !c ? (
        <p className="ui-muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <div className={`an-layout${selected ? ' has-quotes' : ''}`}>
          <div aria-busy={result.loading}>
            <section aria-labelledby={`${id}-pairs`} className="an-pairs">
              <div className="an-bar">
                <h2 id={`${id}-pairs`}>{t('strongestPairs')}</h2>
                <Downloads links={downloads} />
              </div>
              {c.pairs.length === 0 ? (
                <p className="ui-muted">{t('noPairs')}</p>
              ) : (
                <ol>
                  {c.pairs.map((p) => (
                    <li key={`${p.a.codeId}-${p.b.codeId}`}>
                      <button type="button" aria-label={t('pairLabel', { a: p.a.path, b: p.b.path, n: n(p.count) })} onClick={() => setSelected({ a: p.a.codeId, b: p.b.codeId })}>
                        {lastName(p.a.path)} — {lastName(p.b.path)}
                      </button>
                      <span className="an-count">{n(p.count)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            {c.codes.length > 0 && (
              <section aria-labelledby={`${id}-matrix`}>
                <div className="an-bar">
                  <h2 id={`${id}-matrix`}>{t('pairsMatrix')}</h2>
                </div>
                <HeatMap
                  caption={t('coocCaption')}
                  hideCaption
                  corner={t('code')}
                  rows={c.codes.map((x) => ({ key: x.codeId, label: lastName(x.path) }))}
                  columns={c.codes.map((x) => ({ key: x.codeId, label: lastName(x.path) }))}
                  values={c.counts.map((row, i) => row.map((v, j) => (i === j ? null : v)))}
                  cellText={(i, j) => (i === j ? `(${n(c.counts[i]![j]!)})` : n(c.counts[i]![j]!))}
                  cellLabel={(i, j) =>
                    i === j
                      ? t('diagonalLabel', { a: c.codes[i]!.path, n: n(c.counts[i]![i]!) })
                      : t('pairLabel', { a: c.codes[i]!.path, b: c.codes[j]!.path, n: n(c.counts[i]![j]!) })
                  }
                  legend={{ label: t('legendPairs'), format: n }}
                  selected={selectedCell && selectedCell.row >= 0 && selectedCell.column >= 0 ? selectedCell : null}
                  onSelect={({ row, column }) => setSelected({ a: c.codes[row]!.codeId, b: c.codes[column]!.codeId })}
                />
              </section>
            )}
          </div>
          {selected &&
            (selected.a === selected.b ? (
              <SegmentQuotes title={quotesTitle} segments={own.data} loading={own.loading} error={own.error} onRetry={own.reload} onClose={() => setSelected(null)} />
            ) : (
              <PairQuotes title={quotesTitle} pairs={pairs.data} loading={pairs.loading} error={pairs.error} onRetry={pairs.reload} onClose={() => setSelected(null)} />
            ))}
        </div>
      )}
    </div>
  );
}
