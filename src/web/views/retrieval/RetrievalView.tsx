// Every passage coded with a code, in context, filtered by coder, site, a case
// attribute and whether sub-codes count; each links to its place in the transcript.

import { useId, useMemo, useState } from 'react';
import type { CodeWithCounts } from '../../../core/read-models.ts';
import type { RetrievalFilter } from '../../api.ts';
import { AttributeSelect, CoderSelect, SiteSelect } from '../../components/CaseFilters.tsx';
import { Combobox } from '../../components/Combobox.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { QuoteItem } from '../../components/QuoteItem.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { codeOptions, codePath } from '../codebook/codebook.ts';
import { reportDraftApi } from '../report-draft/api.ts';
import { reportDraftMessages } from '../report-draft/messages.ts';
import { retrievalMessages } from './messages.ts';
import { passages, reach, readingOrder } from './segments.ts';
import './retrieval.css';

export function RetrievalView({ codeId }: { codeId: string | null }) {
  const { api, codes, users, project, notify } = useWorkspace();
  const t = useMessages(retrievalMessages);
  const tr = useMessages(reportDraftMessages);
  const report = useMemo(() => reportDraftApi(project.id), [project.id]);
  // The passage becomes a quote for the code being read: the theme the report prints it under.
  const quote = (segmentId: string, theme: CodeWithCounts) =>
    report.choose(segmentId, theme.id).then(
      () => notify(tr('quoted', { theme: theme.name })),
      (err: Error) => notify(err.message, 'error'),
    );
  const format = useFormat();
  const id = useId();
  const [coderId, setCoderId] = useState('');
  const [siteId, setSiteId] = useState('');
  const [attribute, setAttribute] = useState('');
  const [withSubCodes, setWithSubCodes] = useState(true);

  const code = codes.find((c) => c.id === codeId) ?? null;
  const hasChildren = code !== null && codes.some((c) => c.parentId === code.id);
  // A category holds no codings of its own: it is always read with its sub-codes.
  const descendants = hasChildren && (withSubCodes || !code.codable);

  const meta = useLoad(() => Promise.all([api.cases(), api.attributes()]), [api]);
  const [cases, definitions] = meta.data ?? [[], []];

  const filter: RetrievalFilter = { coderId: coderId || undefined, siteId: siteId || undefined, attribute: attribute || undefined, descendants: descendants || undefined };
  const result = useLoad(() => (codeId ? api.retrieve(codeId, filter) : Promise.resolve([])), [api, codeId, coderId, siteId, attribute, descendants]);

  const options = useMemo(() => codeOptions(codes, format.compare), [codes, format]);
  const list = useMemo(() => passages(readingOrder(result.data ?? [], format.compare)), [result.data, format]);
  const counts = reach(result.data ?? []);
  const userName = (uid: string) => users.find((u) => u.id === uid)?.name ?? uid;
  const codeById = (cid: string) => codes.find((c) => c.id === cid);
  const filtered = Boolean(coderId || siteId || attribute);

  return (
    <div className="rt">
      <h1>{t('title')}</h1>
      <div className="rt-controls">
        <div className="rt-code">
          <Combobox label={t('code')} autoFocus={!codeId} options={options} value={codeId} placeholder={t('codePlaceholder')} onChange={(cid) => navigate({ view: 'retrieval', codeId: cid })} />
        </div>
        <fieldset className="rt-filters">
          <legend className="ui-visually-hidden">{t('filters')}</legend>
          <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} users={users} value={coderId} onChange={setCoderId} />
          <SiteSelect label={t('site')} anyLabel={t('anySite')} cases={cases} value={siteId} onChange={setSiteId} />
          <AttributeSelect label={t('attribute')} anyLabel={t('anyAttribute')} className="rt-attribute" cases={cases} attributes={definitions} value={attribute} onChange={setAttribute} />
          <label className="rt-check">
            <input type="checkbox" checked={descendants} disabled={!hasChildren || !code.codable} onChange={(e) => setWithSubCodes(e.target.checked)} />
            {t('descendants')}
          </label>
        </fieldset>
      </div>

      {!code ? (
        <p className="rt-empty">{t('pickCode')}</p>
      ) : result.error ? (
        <LoadState error={result.error} onRetry={result.reload} />
      ) : (
        <section aria-labelledby={`${id}-results`} aria-busy={result.loading}>
          <div className="rt-head">
            <h2 id={`${id}-results`}>
              <span className="ui-dot" style={{ background: code.color }} aria-hidden="true" /> {t('results', { code: codePath(codes, code.id) })}
            </h2>
            <a href={href({ view: 'codebook' })} className="rt-codebook">
              {t('codebookLink')}
            </a>
          </div>
          <p className="rt-count" role="status">
            {result.loading && !result.data
              ? t('loading')
              : t('count', { ...counts })}
          </p>
          {code.definition && <p className="rt-definition">{code.definition}</p>}
          {result.data && list.length === 0 && <p className="rt-empty">{filtered ? t('none') : t('noneAtAll', { code: code.name })}</p>}
          <ol className={`rt-list${result.loading ? ' is-loading' : ''}`}>
            {list.map(({ first, coderIds, codeIds }) => {
              const applied = codeIds.map(codeById).filter((c): c is CodeWithCounts => c !== undefined);
              const markColor = (applied[0] ?? code).color;
              return (
                <QuoteItem
                  key={first.coding.segmentId}
                  className="rt-item"
                  style={{ borderInlineStartColor: code.color }}
                  document={first.document}
                  start={first.coding.start}
                  text={first.coding.quote.exact}
                  context={{ before: first.before, after: first.after }}
                  markStyle={{ background: `${markColor}2e`, borderBottomColor: markColor }}
                  openLabel={t('openLabel', { document: first.document.name })}
                  openText={t('openInTranscript')}
                  meta={
                    <>
                      {first.case && <span>{first.case.name}</span>}
                      {first.site && <span>{first.site.name}</span>}
                      <span>{t('codedBy', { coder: coderIds.map(userName).join(', ') })}</span>
                      {applied
                        .filter((c) => c.id !== code.id)
                        .map((c) => (
                          <span key={c.id} className="rt-subcode">
                            <span className="ui-dot" style={{ background: c.color }} aria-hidden="true" />
                            {t('codedWith', { code: c.name })}
                          </span>
                        ))}
                    </>
                  }
                >
                  {' '}
                  <button type="button" className="ui-button is-small" title={tr('quoteInReportLabel', { theme: code.name })} onClick={() => void quote(first.coding.segmentId, code)}>
                    {tr('quoteInReport')}
                  </button>
                </QuoteItem>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
