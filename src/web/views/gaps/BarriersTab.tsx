// Barriers × sites: the share of coded cases citing each barrier, with the
// sites where it is strong or weak (thresholds the analyst sets) and whether
// sites are alike or differ. A cell opens its quotes.

import { useState } from 'react';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import type { GapsApi } from './api.ts';
import { barrierStrength, percent } from './gaps.ts';
import { gapsMessages } from './messages.ts';
import { QuoteList } from './QuoteList.tsx';

export function BarriersTab({ gaps, coderId }: { gaps: GapsApi; coderId: string | undefined }) {
  const t = useMessages(gapsMessages);
  const format = useFormat();
  const [threshold, setThreshold] = useState<number | undefined>(undefined);
  const [weak, setWeak] = useState<number | undefined>(undefined);
  const [open, setOpen] = useState<{ barrierId: string; siteId: string } | null>(null);
  const prevalence = useLoad(() => gaps.prevalence({ threshold, weak, coderId }), [gaps, threshold, weak, coderId]);
  const quotes = useLoad(
    () => (open ? gaps.barrierSegments(open.barrierId, open.siteId, coderId) : Promise.resolve(undefined)),
    [gaps, open?.barrierId, open?.siteId, coderId],
  );
  const data = prevalence.data;
  if (!data) return <LoadState error={prevalence.error} onRetry={prevalence.reload} />;
  const share = (s: number | null) => percent(s, format.locale);
  const openRow = data.rows.find((r) => r.barrier.id === open?.barrierId);
  const openSite = data.sites.find((s) => s.id === open?.siteId);
  const asPercent = (v: number) => Math.round(v * 100);
  const fromPercent = (v: string) => Math.min(100, Math.max(0, Number(v))) / 100;

  return (
    <div className={`gp-layout${openRow && openSite ? ' has-panel' : ''}`}>
      <div className="gp-main">
        <div className="gp-controls">
          <label className="ui-field gp-number">
            <span>{t('threshold')}</span>
            <input type="number" min={0} max={100} step={5} value={asPercent(data.threshold)} onChange={(e) => setThreshold(fromPercent(e.target.value))} />
          </label>
          <span aria-hidden="true">%</span>
          <label className="ui-field gp-number">
            <span>{t('weak')}</span>
            <input type="number" min={0} max={100} step={5} value={asPercent(data.weak)} onChange={(e) => setWeak(fromPercent(e.target.value))} />
          </label>
          <span aria-hidden="true">%</span>
        </div>
        {data.rows.length === 0 ? (
          <p className="gp-empty">{t('noBarriers')}</p>
        ) : (
          <div className="ui-table-wrap">
            <table className="ui-table gp-matrix" aria-busy={prevalence.loading}>
              <caption>{t('barriersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('barrier')}</th>
                  {data.sites.map((s) => (
                    <th key={s.id} scope="col">
                      {s.name}
                      <span className="gp-sub">{t('codedCases', { coded: s.codedCases })}</span>
                    </th>
                  ))}
                  <th scope="col">{t('verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.barrier.id} className={row.verdict === 'difference' ? 'is-differing' : undefined}>
                    <th scope="row">{row.barrier.name}</th>
                    {data.sites.map((site, i) => {
                      const strength = barrierStrength(row, site);
                      const text = t('shareOf', { share: share(row.shares[i] ?? null), cases: format.number(row.cases[i] ?? 0), coded: format.number(site.codedCases) });
                      const selected = open?.barrierId === row.barrier.id && open.siteId === site.id;
                      return (
                        <td key={site.id} className={`gp-cell${strength ? ` is-${strength}` : ''}${selected ? ' is-selected' : ''}`}>
                          <button
                            type="button"
                            className="gp-cell-button"
                            aria-pressed={selected}
                            aria-label={t('openBarrier', { barrier: row.barrier.name, site: site.name, share: text })}
                            onClick={() => setOpen({ barrierId: row.barrier.id, siteId: site.id })}
                          >
                            <span className="gp-status-word">{text}</span>
                            {strength && (
                              <span className="gp-strength">
                                <span aria-hidden="true">{strength === 'strong' ? '▲' : '▽'}</span> {strength === 'strong' ? t('strong') : t('weakLabel')}
                              </span>
                            )}
                          </button>
                        </td>
                      );
                    })}
                    <td>{t(row.verdict ? `verdict_${row.verdict}` : 'verdict_none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {openRow && openSite && (
        <aside className="gp-panel" aria-label={t('cellTitle', { need: openRow.barrier.name, site: openSite.name })}>
          <div className="gp-panel-head">
            <h2>{t('cellTitle', { need: openRow.barrier.name, site: openSite.name })}</h2>
            <button type="button" className="ui-button is-small" onClick={() => setOpen(null)}>
              {t('close')}
            </button>
          </div>
          <QuoteList segments={quotes.data} loading={quotes.loading} />
        </aside>
      )}
    </div>
  );
}
