// The gap matrix: needs (grouped by horizon and purpose) × sites. Each cell shows
// its status as a symbol and a word, how many cases support it, whether an analyst
// decided it (and the proposal, when overridden); rows where sites differ stand out.
// A cell opens its panel; the status codes are set below the matrix.

import { useState } from 'react';
import type { GapStatus } from '../../../core/needs.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import type { GapsApi } from './api.ts';
import { CellPanel } from './CellPanel.tsx';
import { groupNeeds, isOverride, STATUS_SYMBOL } from './gaps.ts';
import { gapsMessages } from './messages.ts';
import { StatusCodesPanel } from './StatusCodesPanel.tsx';

export function GapMatrixTab({ gaps, coderId }: { gaps: GapsApi; coderId: string | undefined }) {
  const { users } = useWorkspace();
  const t = useMessages(gapsMessages);
  const format = useFormat();
  const [open, setOpen] = useState<{ needId: string; siteId: string } | null>(null);
  const matrix = useLoad(() => gaps.matrix(coderId), [gaps, coderId]);
  const data = matrix.data;
  const userName = (uid: string) => users.find((u) => u.id === uid)?.name ?? uid;
  const word = (s: GapStatus) => t(`status_${s}`);
  const n = format.number;

  if (!data) return <LoadState error={matrix.error} onRetry={matrix.reload} />;
  const openRow = open ? data.rows.find((r) => r.need.id === open.needId) : undefined;
  const openCell = openRow?.cells.find((c) => c.siteId === open?.siteId);
  const openSite = data.sites.find((s) => s.id === open?.siteId);
  const noStatusCodes = data.statusCodes.met.length + data.statusCodes.ad_hoc.length + data.statusCodes.unmet.length === 0;

  return (
    <div className={`gp-layout${openCell ? ' has-panel' : ''}`}>
      <div className="gp-main">
        <p className="ui-muted">{t('intro')}</p>
        {noStatusCodes && <p className="gp-warning">{t('noStatusCodes')}</p>}
        <ul className="gp-legend" aria-label={t('legend')}>
          {(['met', 'ad_hoc', 'unmet', 'unknown'] as const).map((s) => (
            <li key={s} className={`gp-status is-${s}`}>
              {STATUS_SYMBOL[s]} {word(s)}
            </li>
          ))}
          <li className="gp-legend-differs">{t('differsHint')}</li>
        </ul>
        {data.rows.length === 0 ? (
          <p className="gp-empty">{t('noNeeds')}</p>
        ) : data.sites.length === 0 ? (
          <p className="gp-empty">{t('noSites')}</p>
        ) : (
          <div className="ui-table-wrap">
            <table className="ui-table gp-matrix" aria-busy={matrix.loading}>
              <caption>{t('matrixCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('need')}</th>
                  {data.sites.map((s) => (
                    <th key={s.id} scope="col">
                      {s.name}
                      <span className="gp-sub">{t('codedCases', { coded: s.codedCases })}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              {groupNeeds(data.rows).map((group) => (
                <tbody key={`${group.horizon}/${group.purpose}`}>
                  <tr className="gp-group">
                    <th scope="colgroup" colSpan={data.sites.length + 1}>
                      {t('group', { horizon: t(`horizon_${group.horizon}`), purpose: t(`purpose_${group.purpose}`) })}
                    </th>
                  </tr>
                  {group.rows.map((row) => (
                    <tr key={row.need.id} className={row.differs ? 'is-differing' : undefined}>
                      <th scope="row">
                        <span className="gp-need">{row.need.name}</span>
                        {row.differs && <span className="ui-badge gp-differs">≠ {t('differs')}</span>}
                      </th>
                      {row.cells.map((cell, i) => {
                        const site = data.sites[i]!;
                        const selected = open?.needId === cell.needId && open.siteId === cell.siteId;
                        return (
                          <td key={cell.siteId} className={`gp-cell is-${cell.status}${selected ? ' is-selected' : ''}`}>
                            <button
                              type="button"
                              className="gp-cell-button"
                              aria-pressed={selected}
                              aria-label={t('openCell', { need: row.need.name, site: site.name, status: word(cell.status) })}
                              onClick={() => setOpen({ needId: cell.needId, siteId: cell.siteId })}
                            >
                              <span className="gp-status-word">
                                <span aria-hidden="true">{STATUS_SYMBOL[cell.status]}</span> {word(cell.status)}
                              </span>
                              <span className="gp-sub">{t('casesOf', { cases: n(cell.cases), coded: site.codedCases })}</span>
                              {cell.decision && (
                                <span className="gp-decided" title={t('decidedBy', { user: userName(cell.decision.authorId), when: format.dateTime(cell.decision.updatedAt) })}>
                                  ✎ {t('decided')}
                                  <span className="ui-visually-hidden">
                                    {' '}
                                    {t('decidedBy', { user: userName(cell.decision.authorId), when: format.dateTime(cell.decision.updatedAt) })}
                                  </span>
                                </span>
                              )}
                              {isOverride(cell) && <span className="gp-sub">{t('proposedWas', { status: word(cell.proposed) })}</span>}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        )}
        <StatusCodesPanel gaps={gaps} current={data.statusCodes} onSaved={matrix.reload} />
      </div>
      {openRow && openCell && openSite && (
        <CellPanel
          key={`${openCell.needId}/${openCell.siteId}`}
          gaps={gaps}
          row={openRow}
          cell={openCell}
          site={openSite}
          coderId={coderId}
          onChanged={matrix.reload}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
