// Text search with keyword in context: each hit in its sentence with document,
// case, site and speaker, linking to the transcript at the hit; "Code all hits"
// turns the search into codings (optionally widened) after a confirmation that
// says how many codings it will make.

import { useId, useMemo, useState, type FormEvent } from 'react';
import type { AutocodeResult, Widen } from '../../../analysis/autocode.ts';
import type { KwicHit } from '../../../analysis/search.ts';
import { analysisApi, type SearchRequest } from '../../analysis-api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { AttributeSelect, SiteSelect } from '../../components/CaseFilters.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { useCodeOptions, useStudyMeta } from '../matrix/Filters.tsx';
import { clipContext } from './kwic.ts';
import { searchMessages } from './messages.ts';
import '../matrix/matrix.css';
import './search.css';

const PAGE = 100;
const WIDEN: { widen: Widen; label: 'widenHit' | 'widenSentence' | 'widenParagraph' | 'widenTurn' }[] = [
  { widen: 'hit', label: 'widenHit' },
  { widen: 'sentence', label: 'widenSentence' },
  { widen: 'paragraph', label: 'widenParagraph' },
  { widen: 'turn', label: 'widenTurn' },
];

interface Results {
  request: SearchRequest;
  hits: KwicHit[];
  more: boolean;
}

export function SearchView() {
  const { project, codes, user, notify, refreshCodes } = useWorkspace();
  const t = useMessages(searchMessages);
  const format = useFormat();
  const id = useId();
  const client = useMemo(() => analysisApi(project.id), [project.id]);
  const { cases, attributes } = useStudyMeta();
  const codeOptions = useCodeOptions(true);
  const [text, setText] = useState('');
  const [stem, setStem] = useState(false);
  const [siteId, setSiteId] = useState('');
  const [attribute, setAttribute] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [codeId, setCodeId] = useState<string | null>(null);
  const [widen, setWiden] = useState<Widen>('hit');
  const [preview, setPreview] = useState<AutocodeResult | null>(null);

  const run = async (request: SearchRequest, append: boolean) => {
    setBusy(true);
    try {
      const page = await client.search(request);
      setResults((had) => ({ request, hits: append && had ? [...had.hits, ...page.hits] : page.hits, more: page.more }));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setPreview(null);
    void run({ q: text, stem: stem || undefined, siteId: siteId || undefined, attribute: attribute || undefined, limit: PAGE }, false);
  };

  const code = codes.find((c) => c.id === codeId) ?? null;
  const autocodeRequest = (dryRun: boolean) => {
    const r = results!.request;
    return { query: r.q, codeId: codeId!, coderId: user.id, widen, stem: r.stem, siteId: r.siteId, attribute: r.attribute, dryRun };
  };
  const askToCode = async () => {
    if (!code) return notify(t('pickCode'), 'error');
    setBusy(true);
    try {
      setPreview(await client.autocode(autocodeRequest(true)));
    } catch (err) {
      notify((err as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const codeAll = async () => {
    setBusy(true);
    try {
      const done = await client.autocode(autocodeRequest(false));
      setPreview(null);
      notify(t('coded', { created: format.number(done.created), code: code?.name ?? '' }));
      await refreshCodes();
    } catch (err) {
      notify((err as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  const n = format.number;
  return (
    <div className="an">
      <h1>{t('title')}</h1>
      <p className="an-intro">{t('intro')}</p>
      <form className="an-controls" role="search" onSubmit={submit}>
        <label className="ui-field se-query">
          <span>{t('query')}</span>
          <input type="search" value={text} placeholder={t('queryPlaceholder')} onChange={(e) => setText(e.target.value)} autoFocus />
        </label>
        <SiteSelect label={t('site')} anyLabel={t('anySite')} cases={cases} value={siteId} onChange={setSiteId} />
        <AttributeSelect label={t('attribute')} anyLabel={t('anyAttribute')} className="an-wide" cases={cases} attributes={attributes} value={attribute} onChange={setAttribute} />
        <label className="an-check">
          <input type="checkbox" checked={stem} onChange={(e) => setStem(e.target.checked)} />
          {t('stem')}
        </label>
        <button type="submit" className="ui-button is-primary" disabled={!text.trim() || busy}>
          {t('search')}
        </button>
      </form>

      {error && <LoadState error={error} onRetry={() => results && void run(results.request, false)} />}
      {results && (
        <section aria-labelledby={`${id}-results`} aria-busy={busy}>
          <div className="an-bar">
            <h2 id={`${id}-results`}>{t('results')}</h2>
            <p className="an-summary" role="status">
              {results.hits.length === 0 ? t('none', { query: results.request.q }) : results.more ? t('countMore', { n: n(results.hits.length) }) : t('count', { n: results.hits.length })}
            </p>
            <Downloads links={(['csv', 'xlsx'] as const).map((f) => ({ format: f, href: client.downloadUrl.search(results.request, f), what: 'table' }))} />
          </div>

          {results.hits.length > 0 && (
            <div className="se-autocode" role="group" aria-labelledby={`${id}-autocode`}>
              <h3 id={`${id}-autocode`}>{t('codeAll')}</h3>
              <p className="an-note">{t('codeAllIntro', { coder: user.name })}</p>
              <div className="se-autocode-fields">
                <div className="an-wide">
                  <Combobox label={t('code')} options={codeOptions} value={codeId} onChange={setCodeId} placeholder={t('codePlaceholder')} />
                </div>
                <label className="ui-field">
                  <span>{t('widen')}</span>
                  <select value={widen} onChange={(e) => setWiden(e.target.value as Widen)}>
                    {WIDEN.map((w) => (
                      <option key={w.widen} value={w.widen}>
                        {t(w.label)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="ui-button" disabled={!code || busy} onClick={() => void askToCode()}>
                  {busy && !preview ? t('counting') : t('codeAllButton')}
                </button>
              </div>
            </div>
          )}

          {results.hits.length > 0 && (
            <div className="ui-table-wrap">
              <table className="ui-table an-kwic">
                <caption className="ui-visually-hidden">{t('results')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('document')}</th>
                    <th scope="col">{t('where')}</th>
                    <th scope="col">{t('speaker')}</th>
                    <th scope="col">{t('context')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.hits.map((h) => {
                    const { left, right } = clipContext(h.before, h.after);
                    return (
                      <tr key={`${h.document.id}-${h.start}`}>
                        <th scope="row">
                          <a href={href({ view: 'coding', documentId: h.document.id, at: h.start })} aria-label={t('openLabel', { document: h.document.name })}>
                            {h.document.name}
                          </a>
                        </th>
                        <td>{[h.case?.name, h.site?.name].filter(Boolean).join(', ')}</td>
                        <td>{h.speaker ?? ''}</td>
                        <td className="se-context">
                          <span className="se-left">{left}</span>
                          <mark>{h.hit}</mark>
                          <span className="se-right">{right}</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {results.more && (
            <button type="button" className="ui-button se-more" disabled={busy} onClick={() => void run({ ...results.request, offset: results.hits.length }, true)}>
              {t('more')}
            </button>
          )}
        </section>
      )}

      {preview && code && (
        <Dialog
          title={t('confirmTitle', { code: code.name })}
          onClose={() => setPreview(null)}
          actions={
            preview.created > 0 && (
              <button type="button" className="ui-button is-primary" disabled={busy} onClick={() => void codeAll()}>
                {t('confirm', { created: n(preview.created) })}
              </button>
            )
          }
        >
          <p>{preview.created > 0 ? t('confirmCreate', { created: n(preview.created), code: code.name, coder: user.name }) : t('confirmNothing', { code: code.name })}</p>
          <p>{t('confirmDetail', { hits: n(preview.hits), documents: n(preview.documents), ranges: n(preview.ranges), existing: n(preview.existing) })}</p>
          {preview.skipped > 0 && <p>{t('confirmSkipped', { skipped: n(preview.skipped) })}</p>}
        </Dialog>
      )}
    </div>
  );
}
