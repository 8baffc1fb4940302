// The report draft: the analyst's summary, recommendations and comparison text
// (saved against the version they were based on; a stale one reloads and keeps
// the edit), and the quotes chosen for the report, per theme, to reorder or remove.

import { useId, useMemo, useState } from 'react';
import type { ReportDraft } from '../../../core/findings.ts';
import { ApiError } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { codePath } from '../codebook/codebook.ts';
import { reportDraftApi, type ChosenQuote } from './api.ts';
import { moveItem, quotesByTheme, textChanges, textOf, type TextDraft } from './draft.ts';
import { reportDraftMessages } from './messages.ts';
import './report-draft.css';

export function ReportDraftView() {
  const { project } = useWorkspace();
  const t = useMessages(reportDraftMessages);
  const client = useMemo(() => reportDraftApi(project.id), [project.id]);
  const loaded = useLoad(() => client.draft(), [client]);
  if (!loaded.data) return <LoadState error={loaded.error} onRetry={loaded.reload} />;
  return (
    <div className="rd">
      <h1>{t('title')}</h1>
      <p className="ui-muted">{t('intro')}</p>
      <div className="rd-columns">
        <TextEditor client={client} draft={loaded.data.draft} reload={loaded.reload} />
        <QuotesList client={client} quotes={loaded.data.quotes} reload={loaded.reload} />
      </div>
    </div>
  );
}

type Client = ReturnType<typeof reportDraftApi>;

function TextEditor({ client, draft, reload }: { client: Client; draft: ReportDraft; reload(): void }) {
  const { notify } = useWorkspace();
  const t = useMessages(reportDraftMessages);
  const format = useFormat();
  const id = useId();
  const [base, setBase] = useState(draft);
  const [text, setText] = useState<TextDraft>(() => textOf(draft));
  const [saving, setSaving] = useState(false);
  const changes = textChanges(textOf(base), text);
  const dirty = Object.keys(changes).length > 0;
  // Saved elsewhere (or by us): follow when nothing is being edited.
  if (draft.version !== base.version && !dirty) {
    setBase(draft);
    setText(textOf(draft));
  }
  const stale = draft.version !== base.version;
  const set = <K extends keyof TextDraft>(key: K, value: TextDraft[K]) => setText((d) => ({ ...d, [key]: value }));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await client.update(base.version, changes);
      setBase(saved);
      setText(textOf(saved));
      notify(t('saved'));
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'conflict') notify(t('conflict'), 'error');
      else notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setSaving(false);
      reload();
    }
  };

  return (
    <form
      className="rd-text"
      aria-labelledby={`${id}-summary`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="ui-muted" role="status">
        {base.updatedAt ? t('version', { version: format.number(base.version), when: format.dateTime(base.updatedAt) }) : t('neverSaved')}
      </p>
      {stale && (
        <div className="rd-stale" role="alert">
          <p>{t('staleDraft')}</p>
          <button type="button" className="ui-button is-small" onClick={() => setBase(draft)}>
            {t('keepMine')}
          </button>
          <button
            type="button"
            className="ui-button is-small"
            onClick={() => {
              setBase(draft);
              setText(textOf(draft));
            }}
          >
            {t('revert')}
          </button>
        </div>
      )}
      <label className="ui-field">
        <span id={`${id}-summary`}>{t('summary')}</span>
        <textarea rows={6} value={text.summary} onChange={(e) => set('summary', e.target.value)} />
      </label>
      <fieldset className="rd-recommendations">
        <legend>{t('recommendations')}</legend>
        {text.recommendations.length === 0 && <p className="ui-muted">{t('noRecommendations')}</p>}
        <ol>
          {text.recommendations.map((r, i) => (
            <li key={i}>
              <label className="ui-field">
                <span className="ui-visually-hidden">{t('recommendation', { n: i + 1 })}</span>
                <textarea
                  rows={2}
                  value={r}
                  onChange={(e) => set('recommendations', text.recommendations.map((x, j) => (j === i ? e.target.value : x)))}
                />
              </label>
              <div className="rd-item-actions">
                <button type="button" className="ui-button is-small" disabled={i === 0} aria-label={`${t('moveUp')}: ${t('recommendation', { n: i + 1 })}`} onClick={() => set('recommendations', moveItem(text.recommendations, i, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  className="ui-button is-small"
                  disabled={i === text.recommendations.length - 1}
                  aria-label={`${t('moveDown')}: ${t('recommendation', { n: i + 1 })}`}
                  onClick={() => set('recommendations', moveItem(text.recommendations, i, 1))}
                >
                  ↓
                </button>
                <button type="button" className="ui-button is-small is-danger" onClick={() => set('recommendations', text.recommendations.filter((_, j) => j !== i))}>
                  {t('remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className="ui-button is-small" onClick={() => set('recommendations', [...text.recommendations, ''])}>
          {t('addRecommendation')}
        </button>
      </fieldset>
      <label className="ui-field">
        <span>{t('comparison')}</span>
        <textarea rows={6} value={text.comparison} onChange={(e) => set('comparison', e.target.value)} />
        <span className="ui-muted rd-hint">{t('comparisonHint')}</span>
      </label>
      <div className="rd-save">
        <button type="submit" className="ui-button is-primary" disabled={!dirty || saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" className="ui-button" disabled={!dirty || saving} onClick={() => setText(textOf(base))}>
          {t('revert')}
        </button>
      </div>
    </form>
  );
}

function QuotesList({ client, quotes, reload }: { client: Client; quotes: ChosenQuote[]; reload(): void }) {
  const { codes, notify } = useWorkspace();
  const t = useMessages(reportDraftMessages);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const run = async (change: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await change();
      if (done) notify(done);
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
      reload();
    }
  };
  const themes = quotesByTheme(quotes);
  return (
    <section className="rd-quotes" aria-labelledby={`${id}-quotes`}>
      <h2 id={`${id}-quotes`}>{t('quotes')}</h2>
      <p className="ui-muted">{t('quotesHint')}</p>
      {themes.length === 0 && <p>{t('noQuotes')}</p>}
      {themes.map(({ codeId, quotes: list }) => {
        const theme = codes.some((c) => c.id === codeId) ? codePath(codes, codeId) : codeId;
        return (
          <section key={codeId} className="rd-theme" aria-label={t('theme', { theme })}>
            <h3>
              {theme} <span className="ui-muted rd-count">{t('quoteCount', { count: list.length })}</span>
            </h3>
            <a className="rd-retrieve" href={href({ view: 'retrieval', codeId })}>
              {t('retrieve')}
            </a>
            <ol className="rd-quote-list">
              {list.map(({ quote, passage }, i) => (
                <li key={quote.segmentId} className="rd-quote">
                  {passage ? (
                    <>
                      <blockquote>
                        <p>{passage.coding.quote.exact}</p>
                      </blockquote>
                      <div className="rd-quote-meta">
                        {passage.case && <span>{passage.case.name}</span>}
                        {passage.site && <span>{passage.site.name}</span>}
                        <a href={href({ view: 'coding', documentId: passage.document.id, at: passage.coding.start })}>{t('openInTranscript')}</a>
                      </div>
                    </>
                  ) : (
                    <p className="ui-muted">{t('passageGone')}</p>
                  )}
                  <div className="rd-item-actions">
                    <button type="button" className="ui-button is-small" disabled={busy || i === 0} aria-label={t('moveQuoteUp')} onClick={() => void run(() => client.move(quote.segmentId, codeId, quote.position - 1))}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="ui-button is-small"
                      disabled={busy || i === list.length - 1}
                      aria-label={t('moveQuoteDown')}
                      onClick={() => void run(() => client.move(quote.segmentId, codeId, quote.position + 1))}
                    >
                      ↓
                    </button>
                    <button type="button" className="ui-button is-small is-danger" disabled={busy} onClick={() => void run(() => client.remove(quote.segmentId, codeId), t('removed'))}>
                      {t('removeQuote')}
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
