// Word frequency for a site, a case group (an attribute value) or a language, as
// a bar chart and a word cloud; choosing a word lists where it is said (the text
// search), each passage linked to its place in the transcript.

import { useMemo, useState } from 'react';
import { LANGUAGES, type Language } from '../../../core/model.ts';
import { analysisApi } from '../../analysis-api.ts';
import { BarChart } from '../../components/BarChart.tsx';
import { AttributeSelect, SiteSelect } from '../../components/CaseFilters.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { wordFrequenciesOf, wordsDownloadUrl, type WordRequest } from './api.ts';
import { wordsMessages } from './messages.ts';
import { cloudOrder, cloudSizes, searchFor } from './words.ts';
import './words.css';

const TOPS = [20, 30, 50, 100];
const HITS = 25;

export function WordsView() {
  const { api, project } = useWorkspace();
  const t = useMessages(wordsMessages);
  const format = useFormat();
  const [request, setRequest] = useState<WordRequest>({ ngram: 1, top: 30, stem: false, excludeInterviewer: true });
  const [chosen, setChosen] = useState<string | null>(null);
  const meta = useLoad(() => Promise.all([api.cases(), api.attributes()]), [api]);
  const [cases, definitions] = meta.data ?? [[], []];
  const words = useLoad(() => wordFrequenciesOf(project.id, request), [project.id, request]);
  const hits = useLoad(
    () =>
      chosen
        ? analysisApi(project.id).search({ q: searchFor(chosen), stem: request.stem, siteId: request.siteId, attribute: request.attribute, limit: HITS })
        : Promise.resolve(null),
    [project.id, chosen, request.stem, request.siteId, request.attribute],
  );
  const set = <K extends keyof WordRequest>(key: K, value: WordRequest[K]) => {
    setChosen(null);
    setRequest((r) => ({ ...r, [key]: value }));
  };
  const n = format.number;
  const terms = words.data?.terms ?? [];
  const cloud = useMemo(() => cloudOrder(terms, format.compare), [terms, format]);
  const sizes = useMemo(() => cloudSizes(cloud), [cloud]);

  return (
    <div className="wf">
      <h1>{t('title')}</h1>
      <p className="ui-muted wf-intro">{t('intro')}</p>
      <form className="wf-controls" aria-label={t('options')} onSubmit={(e) => e.preventDefault()}>
        <SiteSelect label={t('site')} anyLabel={t('anySite')} cases={cases} value={request.siteId ?? ''} onChange={(v) => set('siteId', v || undefined)} />
        <AttributeSelect label={t('group')} anyLabel={t('anyGroup')} className="wf-group" cases={cases} attributes={definitions} value={request.attribute ?? ''} onChange={(v) => set('attribute', v || undefined)} />
        <SelectField
          label={t('language')}
          anyLabel={t('anyLanguage')}
          choices={LANGUAGES.map((l) => ({ value: l, label: format.languageName(l) }))}
          value={request.language ?? ''}
          onChange={(v) => set('language', (v || undefined) as Language | undefined)}
        />
        <SelectField label={t('ngram')} choices={([1, 2, 3] as const).map((k) => ({ value: k, label: t(`ngram_${k}`) }))} value={request.ngram ?? ''} onChange={(v) => set('ngram', Number(v))} />
        <SelectField label={t('top')} choices={TOPS.map((k) => ({ value: k, label: n(k) }))} value={request.top ?? ''} onChange={(v) => set('top', Number(v))} />
        <label className="wf-check">
          <input type="checkbox" checked={request.stem ?? false} onChange={(e) => set('stem', e.target.checked)} /> {t('stem')}
        </label>
        <label className="wf-check">
          <input type="checkbox" checked={request.excludeInterviewer ?? false} onChange={(e) => set('excludeInterviewer', e.target.checked)} /> {t('excludeInterviewer')}
        </label>
      </form>

      {!words.data ? (
        <LoadState error={words.error} onRetry={words.reload} />
      ) : (
        <div className={`wf-results${words.loading ? ' is-loading' : ''}`} aria-busy={words.loading}>
          <p className="wf-summary" role="status">
            {t('summary', { documents: words.data.documents, words: words.data.words })}
          </p>
          {terms.length > 0 && (
            <Downloads
              links={(['csv', 'xlsx', 'svg', 'png'] as const).map((format) => ({ format, href: wordsDownloadUrl(project.id, request, format), what: format === 'csv' || format === 'xlsx' ? 'table' : 'chart' }))}
            />
          )}
          {terms.length === 0 ? (
            <p className="ui-muted">{t('noTerms')}</p>
          ) : (
            <>
              <section className="wf-cloud" aria-labelledby="wf-cloud-title">
                <h2 id="wf-cloud-title">{t('cloud')}</h2>
                <p className="ui-muted wf-hint">
                  {t('cloudHint')}{' '}
                  {(['svg', 'png'] as const).map((format) => (
                    <a key={format} className="ui-button is-small" href={wordsDownloadUrl(project.id, request, format, 'cloud')} download aria-label={t('cloudDownload', { format: format.toUpperCase() })}>
                      {format.toUpperCase()}
                    </a>
                  ))}
                </p>
                <ul>
                  {cloud.map((w, i) => (
                    <li key={w.term}>
                      <button
                        type="button"
                        className="wf-word"
                        style={{ fontSize: `${sizes[i]}rem` }}
                        aria-pressed={chosen === w.term}
                        aria-label={t('wordLabel', { term: w.term, count: w.count, documents: w.documents })}
                        onClick={() => setChosen(w.term)}
                      >
                        {w.term}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              {chosen && <Hits term={chosen} page={hits.data ?? null} error={hits.error} onRetry={hits.reload} onClose={() => setChosen(null)} />}
              <BarChart
                title={t('chartTitle')}
                categories={terms.map((w) => ({ key: w.term, label: w.term }))}
                series={[{ key: 'count', name: t('count'), color: '#1f5fbf' }]}
                values={terms.map((w) => [w.count])}
                format={n}
                missing="–"
                onSelect={(i) => setChosen(terms[i]!.term)}
              />
            </>
          )}
        </div>
      )}
    </div>
  );
}

type Page = Awaited<ReturnType<ReturnType<typeof analysisApi>['search']>>;

function Hits({ term, page, error, onRetry, onClose }: { term: string; page: Page | null; error: string | null; onRetry(): void; onClose(): void }) {
  const t = useMessages(wordsMessages);
  return (
    <section className="wf-hits" aria-labelledby="wf-hits-title">
      <div className="wf-hits-head">
        <h2 id="wf-hits-title">{t('hitsTitle', { term })}</h2>
        <button type="button" className="ui-button is-small" onClick={onClose}>
          {t('closeHits')}
        </button>
      </div>
      {!page ? (
        <LoadState error={error} onRetry={onRetry} />
      ) : page.hits.length === 0 ? (
        <p className="ui-muted">{t('noHits')}</p>
      ) : (
        <>
          <p className="ui-muted">{t(page.more ? 'hitsMore' : 'hitsCount', { count: page.hits.length })}</p>
          <ol className="wf-hit-list">
            {page.hits.map((h) => (
              <li key={`${h.document.id}:${h.start}`}>
                <a href={href({ view: 'coding', documentId: h.document.id, at: h.start })}>{t('openHit', { document: h.document.name })}</a>
                {h.speaker && <span className="ui-muted"> · {h.speaker}</span>}
                <p>
                  {h.before}
                  <mark>{h.hit}</mark>
                  {h.after}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
