// Every passage coded with a code, in context, filtered by coder, site, a case
// attribute and whether sub-codes count; each links to its place in the transcript.

import { useId, useMemo, useState } from 'react';
import type { CodeWithCounts } from '../../../core/read-models.ts';
import type { RetrievalFilter } from '../../api.ts';
import { Combobox, type ComboOption } from '../../components/Combobox.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../components/format.ts';
import { flatten } from '../../components/tree.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { codeForest, codePath } from '../codebook/codebook.ts';
import { attributeChoices, attributeKey } from '../documents/filters.ts';
import { retrievalMessages } from './messages.ts';
import { passages, reach, readingOrder } from './segments.ts';
import './retrieval.css';

export function RetrievalView({ codeId }: { codeId: string | null }) {
  const { api, codes, users } = useWorkspace();
  const t = useMessages(retrievalMessages);
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
  const sites = useMemo(() => cases.filter((c) => c.kind === 'site').sort((a, b) => format.compare(a.name, b.name)), [cases, format]);
  const choices = useMemo(() => attributeChoices(definitions, cases, format.compare), [definitions, cases, format]);

  const filter: RetrievalFilter = { coderId: coderId || undefined, siteId: siteId || undefined, attribute: attribute || undefined, descendants: descendants || undefined };
  const result = useLoad(() => (codeId ? api.retrieve(codeId, filter) : Promise.resolve([])), [api, codeId, coderId, siteId, attribute, descendants]);

  const options = useMemo(
    (): ComboOption[] =>
      flatten(codeForest(codes, format.compare)).map(({ item }) => ({
        id: item.id,
        label: item.name,
        detail: item.parentId ? codePath(codes, item.parentId) : undefined,
        depth: codePath(codes, item.id).split(' › ').length - 1,
        color: item.color,
      })),
    [codes, format],
  );
  const list = useMemo(() => passages(readingOrder(result.data ?? [], format.compare)), [result.data, format]);
  const counts = reach(result.data ?? []);
  const userName = (uid: string) => users.find((u) => u.id === uid)?.name ?? uid;
  const codeById = (cid: string) => codes.find((c) => c.id === cid);
  const n = format.number;
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
          <label className="ui-field">
            <span>{t('coder')}</span>
            <select value={coderId} onChange={(e) => setCoderId(e.target.value)}>
              <option value="">{t('anyCoder')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label className="ui-field">
            <span>{t('site')}</span>
            <select value={siteId} onChange={(e) => setSiteId(e.target.value)}>
              <option value="">{t('anySite')}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="ui-field rt-attribute">
            <span>{t('attribute')}</span>
            <select value={attribute} onChange={(e) => setAttribute(e.target.value)}>
              <option value="">{t('anyAttribute')}</option>
              {choices.map((c) => (
                <optgroup key={c.attribute.name} label={c.attribute.name}>
                  {c.values.map((v) => (
                    <option key={String(v)} value={attributeKey(c.attribute.name, v)}>
                      {typeof v === 'boolean' ? `${c.attribute.name}: ${v ? t('yes') : t('no')}` : typeof v === 'number' ? n(v) : v}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
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
              : t('count', { codings: n(counts.codings), segments: n(counts.segments), documents: n(counts.documents), cases: n(counts.cases) })}
          </p>
          {code.definition && <p className="rt-definition">{code.definition}</p>}
          {result.data && list.length === 0 && <p className="rt-empty">{filtered ? t('none') : t('noneAtAll', { code: code.name })}</p>}
          <ol className={`rt-list${result.loading ? ' is-loading' : ''}`}>
            {list.map(({ first, coderIds, codeIds }) => {
              const at = href({ view: 'coding', documentId: first.document.id, at: first.coding.start });
              const applied = codeIds.map(codeById).filter((c): c is CodeWithCounts => c !== undefined);
              const markColor = (applied[0] ?? code).color;
              return (
                <li key={first.coding.segmentId} className="rt-item" style={{ borderInlineStartColor: code.color }}>
                  <div className="rt-meta">
                    <a href={at} className="rt-doc" aria-label={t('openLabel', { document: first.document.name })}>
                      {first.document.name}
                    </a>
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
                  </div>
                  <blockquote className="rt-text">
                    <p>
                      {first.before && <span className="rt-context">…{first.before}</span>}
                      <mark style={{ background: `${markColor}2e`, borderBottomColor: markColor }}>
                        {first.coding.quote.exact}
                      </mark>
                      {first.after && <span className="rt-context">{first.after}…</span>}
                    </p>
                  </blockquote>
                  <a href={at} className="rt-open">
                    {t('openInTranscript')} <span aria-hidden="true">→</span>
                  </a>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
