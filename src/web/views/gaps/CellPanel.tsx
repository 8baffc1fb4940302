// A gap cell opened: its quotes, the proposal with its evidence, the analyst's
// decision (confirm or override with a note, saved against the version shown;
// a stale one reloads the matrix) and the cell's history from the change log.

import { useId, useState } from 'react';
import { GAP_STATUSES, type GapStatus } from '../../../core/needs.ts';
import type { GapCell, GapNeedRow, GapSite } from '../../../analysis/gaps.ts';
import { ApiError } from '../../api.ts';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import type { GapsApi } from './api.ts';
import { decisionBase, evidenceByStatus, proposalReason, STATUS_SYMBOL } from './gaps.ts';
import { gapsMessages } from './messages.ts';
import { QuoteList } from './QuoteList.tsx';

export interface CellPanelProps {
  gaps: GapsApi;
  row: GapNeedRow;
  cell: GapCell;
  site: GapSite;
  coderId: string | undefined;
  /** Reload the matrix (after a save, or because the cell changed elsewhere). */
  onChanged(): void;
  onClose(): void;
}

export function CellPanel({ gaps, row, cell, site, coderId, onChanged, onClose }: CellPanelProps) {
  const { user, users, notify } = useWorkspace();
  const t = useMessages(gapsMessages);
  const format = useFormat();
  const id = useId();
  const [status, setStatus] = useState<GapStatus>(() => decisionBase(cell).status);
  const [note, setNote] = useState(() => decisionBase(cell).note);
  const [saving, setSaving] = useState(false);
  const quotes = useLoad(() => gaps.cellSegments(cell.needId, cell.siteId, coderId), [gaps, cell.needId, cell.siteId, coderId]);
  const history = useLoad(() => gaps.history(cell.needId, cell.siteId), [gaps, cell.needId, cell.siteId, cell.decision?.version ?? 0]);
  const userName = (uid: string) => users.find((u) => u.id === uid)?.name ?? uid;
  const statusWord = (s: GapStatus) => `${STATUS_SYMBOL[s]} ${t(`status_${s}`)}`;
  const names = { need: row.need.name, site: site.name };
  const reason = proposalReason(cell);

  const run = async (change: () => Promise<unknown>, done: string) => {
    setSaving(true);
    try {
      await change();
      notify(done);
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'conflict') notify(t('conflict'), 'error');
      else notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setSaving(false);
      onChanged();
    }
  };
  const save = () => {
    if (!note.trim()) return;
    // The version of the decision this panel shows: if someone changed it since, the server says 409.
    void run(() => gaps.decide(cell.needId, cell.siteId, decisionBase(cell).version, { status, note: note.trim(), authorId: user.id }), t('savedDecision', names));
  };

  return (
    <aside className="gp-panel" aria-labelledby={`${id}-title`}>
      <div className="gp-panel-head">
        <h2 id={`${id}-title`}>{t('cellTitle', names)}</h2>
        <button type="button" className="ui-button is-small" onClick={onClose}>
          {t('close')}
        </button>
      </div>

      <section className="gp-proposal">
        <h3>{t('proposal')}</h3>
        <p>
          <span className={`gp-status is-${cell.proposed}`}>{statusWord(cell.proposed)}</span>{' '}
          <span className="ui-muted">{t('casesOf', { cases: format.number(cell.cases), coded: site.codedCases })}</span>
        </p>
        {reason === 'codes' && (
          <>
            <p>{t('reasonCodes')}</p>
            <ul className="gp-evidence">
              {evidenceByStatus(cell).map((e) => (
                <li key={e.status}>{t('evidenceLine', { status: statusWord(e.status), cases: e.cases })}</li>
              ))}
            </ul>
          </>
        )}
        {reason === 'inventory' && <p>{t('reasonInventory', { services: cell.services })}</p>}
        {reason === 'none' && <p>{t('reasonNone')}</p>}
        {reason !== 'inventory' && <p className="ui-muted">{t('servicesHere', { services: format.number(cell.services) })}</p>}
      </section>

      <form
        className="gp-decision"
        aria-labelledby={`${id}-decision`}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <h3 id={`${id}-decision`}>{t('decision')}</h3>
        <p className="gp-current">
          {cell.decision
            ? t('currentDecision', { status: statusWord(cell.decision.status), user: userName(cell.decision.authorId), when: format.dateTime(cell.decision.updatedAt) })
            : t('noDecision')}
        </p>
        {cell.decision && <p className="gp-note">{cell.decision.note}</p>}
        <fieldset className="gp-statuses">
          <legend>{t('statusField')}</legend>
          {GAP_STATUSES.map((s) => (
            <label key={s} className={`gp-status-choice is-${s}`}>
              <input type="radio" name={`${id}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} /> {statusWord(s)}
            </label>
          ))}
        </fieldset>
        <label className="ui-field">
          <span>{t('note')}</span>
          <textarea rows={3} required value={note} placeholder={t('notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
        </label>
        {!note.trim() && <p className="ui-muted">{t('noteRequired')}</p>}
        <div className="gp-actions">
          <button type="submit" className="ui-button is-primary" disabled={saving || !note.trim()}>
            {saving ? t('saving') : status === cell.proposed ? t('confirm') : t('override')}
          </button>
          {cell.decision && (
            <button type="button" className="ui-button is-danger" disabled={saving} onClick={() => void run(() => gaps.withdraw(cell.needId, cell.siteId), t('withdrawn', names))}>
              {t('withdraw')}
            </button>
          )}
        </div>
      </form>

      {history.data && history.data.length > 0 && (
        <section className="gp-history">
          <h3>{t('history')}</h3>
          <ol>
            {history.data.map((c) => {
              const who = 'userId' in c.actor ? userName(c.actor.userId) : c.actor.system;
              const when = format.dateTime(c.at);
              const after = (c.data.after ?? c.data) as { status?: GapStatus };
              return (
                <li key={c.seq}>
                  {c.action === 'delete' || !after.status
                    ? t('historyWithdrawn', { when, user: who })
                    : t('historyEntry', { when, user: who, status: statusWord(after.status) })}
                </li>
              );
            })}
          </ol>
          <p className="ui-muted">{t('changeLog')}</p>
        </section>
      )}

      <QuoteList segments={quotes.data} loading={quotes.loading} />
    </aside>
  );
}

