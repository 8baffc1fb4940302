// Site comparison: for each theme, the share of each site's coded cases that
// mention it, with similarities and differences at a threshold the analyst sets,
// as a table (each share opens its passages) and a bar chart.

import { useId, useMemo, useState } from 'react';
import type { ThemeAcrossSites } from '../../../analysis/site-comparison.ts';
import { analysisApi, type MatrixRequest, type SiteComparisonRequest } from '../../analysis-api.ts';
import { BarChart } from '../../components/BarChart.tsx';
import { HeatMap, type HeatMapCell } from '../../components/HeatMap.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { CoderSelect } from '../../components/CaseFilters.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { CodeScope } from '../matrix/Filters.tsx';
import { SegmentQuotes } from '../matrix/Quotes.tsx';
import { percentText } from '../matrix/percent.ts';
import { sitesMessages } from './messages.ts';
import '../matrix/matrix.css';
import './sites.css';

type Show = 'all' | 'findings' | 'similarity' | 'difference';
const SHOWS: { show: Show; label: 'showAll' | 'showFindings' | 'showSimilarities' | 'showDifferences' }[] = [
  { show: 'all', label: 'showAll' },
  { show: 'findings', label: 'showFindings' },
  { show: 'similarity', label: 'showSimilarities' },
  { show: 'difference', label: 'showDifferences' },
];
/** One colour per site, distinguishable for colour-blind readers (Okabe–Ito). */
const SITE_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

const shown = (theme: ThemeAcrossSites, show: Show) =>
  show === 'all' || (show === 'findings' ? theme.verdict !== null : theme.verdict === show);

export function SitesView() {
  const { project, users } = useWorkspace();
  const t = useMessages(sitesMessages);
  const format = useFormat();
  const id = useId();
  const client = useMemo(() => analysisApi(project.id), [project.id]);
  const [rows, setRows] = useState('');
  const [threshold, setThreshold] = useState(50);
  const [weak, setWeak] = useState(0);
  const [coderId, setCoderId] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [selected, setSelected] = useState<{ codeId: string; siteId: string } | null>(null);

  // The weak share stays below the threshold as the threshold moves down.
  const weakShare = Math.max(0, Math.min(weak, threshold - 5));
  const request: SiteComparisonRequest = { rows: rows || undefined, threshold: threshold / 100, weak: weakShare / 100, coderId: coderId || undefined };
  const key = JSON.stringify(request);
  const result = useLoad(() => client.siteComparison(request), [client, key]);
  const c = result.data;
  // A share opens the passages of the matrix cell it divides: the theme's cases at the site.
  const cellRequest: MatrixRequest = { rows: request.rows, columns: 'site', count: 'cases', coderId: request.coderId };
  const quotes = useLoad(
    () => (selected ? client.matrixCell(cellRequest, selected.codeId, selected.siteId) : Promise.resolve(undefined)),
    [client, key, selected?.codeId, selected?.siteId],
  );

  const themes = useMemo(() => (c ? c.themes.filter((x) => shown(x, show)) : []), [c, show]);
  const n = format.number;
  const pct = (share: number | null) => percentText(share, format.locale);
  const name = (path: string) => path.split('/').at(-1) ?? path;
  const verdictLabel = (v: ThemeAcrossSites['verdict']) => (v ? t(v) : '');
  const selectedCell: HeatMapCell | null =
    selected && c ? { row: themes.findIndex((x) => x.codeId === selected.codeId), column: c.sites.findIndex((s) => s.id === selected.siteId) } : null;
  const cellText = (theme: ThemeAcrossSites, j: number) =>
    c && c.sites[j]!.codedCases > 0 ? t('cell', { cases: n(theme.cases[j]!), total: n(c.sites[j]!.codedCases), percent: pct(theme.shares[j]!) }) : t('nothingCoded');

  return (
    <div className="an">
      <h1>{t('title')}</h1>
      <p className="an-intro">{t('intro')}</p>
      <div className="an-controls" role="group" aria-label={t('title')}>
        <CodeScope label={t('themes')} value={rows} onChange={(v) => (setRows(v), setSelected(null))} allLabel={t('allThemes')} placeholder={t('themesPlaceholder')} />
        <label className="ui-field sc-threshold">
          <span>
            {t('threshold')}: <output>{pct(threshold / 100)}</output>
          </span>
          <input type="range" min={5} max={100} step={5} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />
        </label>
        <label className="ui-field an-narrow">
          <span>{t('weak')}</span>
          <select value={weakShare} onChange={(e) => setWeak(Number(e.target.value))}>
            {[0, 5, 10, 15, 20, 25, 30, 40].filter((w) => w < threshold).map((w) => (
              <option key={w} value={w}>
                {pct(w / 100)}
              </option>
            ))}
          </select>
        </label>
        <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} users={users} value={coderId} onChange={(v) => (setCoderId(v), setSelected(null))} />
        <label className="ui-field">
          <span>{t('show')}</span>
          <select value={show} onChange={(e) => (setShow(e.target.value as Show), setSelected(null))}>
            {SHOWS.map((s) => (
              <option key={s.show} value={s.show}>
                {t(s.label)}
              </option>
            ))}
          </select>
        </label>
      </div>

      {result.error ? (
        <LoadState error={result.error} onRetry={result.reload} />
      ) : !c ? (
        <p className="ui-muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <div aria-busy={result.loading}>
          <div className="an-bar">
            <p className="an-summary" role="status">
              {t('summary', { similarities: n(c.similarities.length), differences: n(c.differences.length), threshold: pct(c.threshold), weak: pct(c.weak) })}
            </p>
            <Downloads
              links={(['csv', 'xlsx', 'svg', 'png'] as const).map((f) => ({ format: f, href: client.downloadUrl.siteComparison(request, f), what: f === 'csv' || f === 'xlsx' ? 'table' : 'chart' }))}
            />
          </div>
          {themes.length === 0 ? (
            <p className="ui-muted">{t('none')}</p>
          ) : (
            <>
              <div className={`an-layout${selected ? ' has-quotes' : ''}`}>
                <section aria-labelledby={`${id}-table`}>
                  <h2 id={`${id}-table`} className="ui-visually-hidden">
                    {t('tableCaption')}
                  </h2>
                  <HeatMap
                    caption={t('tableCaption')}
                    hideCaption
                    corner={t('theme')}
                    rows={themes.map((x) => ({ key: x.codeId, label: name(x.path) }))}
                    columns={c.sites.map((s) => ({ key: s.id, label: s.name, detail: t('codedCases', { n: n(s.codedCases) }) }))}
                    values={themes.map((x) => x.shares)}
                    cellText={(i, j) => cellText(themes[i]!, j)}
                    cellLabel={(i, j) =>
                      t('cellLabel', { theme: themes[i]!.path, site: c.sites[j]!.name, cases: n(themes[i]!.cases[j]!), total: n(c.sites[j]!.codedCases), percent: pct(themes[i]!.shares[j]!) })
                    }
                    totals={{
                      label: t('finding'),
                      rows: themes.map((x) => (x.verdict ? <span className={`sc-verdict is-${x.verdict}`}>{verdictLabel(x.verdict)}</span> : '')),
                    }}
                    legend={{ label: t('tableCaption'), format: (v) => pct(v) }}
                    selected={selectedCell && selectedCell.row >= 0 ? selectedCell : null}
                    onSelect={({ row, column }) => setSelected({ codeId: themes[row]!.codeId, siteId: c.sites[column]!.id })}
                  />
                </section>
                {selected && (
                  <SegmentQuotes
                    title={t('quotesTitle', {
                      theme: name(c.themes.find((x) => x.codeId === selected.codeId)?.path ?? ''),
                      site: c.sites.find((s) => s.id === selected.siteId)?.name ?? '',
                    })}
                    segments={quotes.data}
                    loading={quotes.loading}
                    error={quotes.error}
                    onRetry={quotes.reload}
                    onClose={() => setSelected(null)}
                  />
                )}
              </div>
              <section className="sc-chart">
                <BarChart
                  title={t('chartTitle')}
                  categories={themes.map((x) => ({ key: x.codeId, label: name(x.path), mark: verdictLabel(x.verdict) || undefined, markKind: x.verdict ?? undefined }))}
                  series={c.sites.map((s, j) => ({ key: s.id, name: `${s.name} (${t('codedCases', { n: n(s.codedCases) })})`, color: SITE_COLORS[j % SITE_COLORS.length]! }))}
                  values={themes.map((x) => x.shares)}
                  max={1}
                  format={pct}
                  missing={t('nothingCoded')}
                  reference={{ value: c.threshold, label: t('thresholdLine', { threshold: pct(c.threshold) }) }}
                  onSelect={(i, j) => setSelected({ codeId: themes[i]!.codeId, siteId: c.sites[j]!.id })}
                />
              </section>
            </>
          )}
        </div>
      )}
    </div>
  );
}
