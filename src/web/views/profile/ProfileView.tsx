// Case profile (vertical analysis): one site, organisation or participant across
// every theme, with counts, a bar per theme, quotes linked to the transcript, its
// attributes (own and inherited), documents and memos.

import { useMemo, useState } from 'react';
import type { AttributeValue } from '../../../core/model.ts';
import { CoderSelect } from '../../components/CaseFilters.tsx';
import { Combobox, type ComboOption } from '../../components/Combobox.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { caseProfileOf, caseProfileUrl } from './api.ts';
import { profileMessages } from './messages.ts';
import './profile.css';

const QUOTE_CHOICES = [1, 3, 5, 10];

export function ProfileView({ caseId }: { caseId: string | null }) {
  const { api, project, users } = useWorkspace();
  const t = useMessages(profileMessages);
  const format = useFormat();
  const [coderId, setCoderId] = useState('');
  const [quotes, setQuotes] = useState(3);
  const cases = useLoad(() => api.cases(), [api]);
  const profile = useLoad(
    () => (caseId ? caseProfileOf(project.id, caseId, { quotes, ...(coderId ? { coderId } : {}) }) : Promise.resolve(null)),
    [project.id, caseId, quotes, coderId],
  );
  const options = useMemo((): ComboOption[] => {
    const list = cases.data ?? [];
    const byId = new Map(list.map((c) => [c.id, c]));
    return list
      .map((c) => ({ id: c.id, label: c.name, detail: [t(`kind_${c.kind}`), byId.get(c.parentId ?? '')?.name].filter(Boolean).join(' · ') }))
      .sort((a, b) => format.compare(a.label, b.label));
  }, [cases.data, t, format]);
  const n = format.number;
  const value = (v: AttributeValue) => (typeof v === 'boolean' ? (v ? t('yes') : t('no')) : typeof v === 'number' ? n(v) : v);
  const p = profile.data && profile.data.case.id === caseId ? profile.data : null;
  const most = Math.max(1, ...(p?.themes.map((x) => x.segments) ?? []));

  return (
    <div className="pf">
      <h1>{t('title')}</h1>
      <p className="ui-muted pf-intro">{t('intro')}</p>
      <div className="pf-controls">
        <div className="pf-case">
          <Combobox label={t('case')} options={options} value={caseId} placeholder={t('casePlaceholder')} autoFocus={!caseId} onChange={(id) => navigate({ view: 'profile', caseId: id })} />
        </div>
        <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} users={users} value={coderId} onChange={setCoderId} />
        <SelectField label={t('quotes')} choices={QUOTE_CHOICES.map((q) => ({ value: q, label: n(q) }))} value={quotes} onChange={(v) => setQuotes(Number(v))} />
      </div>

      {!caseId ? (
        <p className="pf-empty">{t('pickCase')}</p>
      ) : !p ? (
        <LoadState error={profile.error} onRetry={profile.reload} />
      ) : (
        <article aria-labelledby="pf-title" aria-busy={profile.loading}>
          <h2 id="pf-title" className="pf-title">
            {p.case.name}
          </h2>
          <p className="pf-where">
            {[p.organisation?.name, p.site?.name].some(Boolean)
              ? t('within', { kind: t(`kind_${p.case.kind}`), place: [p.organisation?.name, p.site?.name].filter(Boolean).join(', ') })
              : t(`kind_${p.case.kind}`)}
          </p>
          {p.case.description && <p>{p.case.description}</p>}
          <Downloads links={(['csv', 'xlsx'] as const).map((format) => ({ format, href: caseProfileUrl(project.id, p.case.id, { quotes, ...(coderId ? { coderId } : {}) }, format), what: 'table' }))} />

          <section aria-labelledby="pf-attributes">
            <h3 id="pf-attributes">{t('attributes')}</h3>
            {p.attributes.length === 0 ? (
              <p className="ui-muted">{t('noAttributes')}</p>
            ) : (
              <div className="ui-table-wrap">
                <table className="ui-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('attribute')}</th>
                      <th scope="col">{t('value')}</th>
                      <th scope="col">{t('from')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.attributes.map((a) => (
                      <tr key={a.name}>
                        <th scope="row">{a.name}</th>
                        <td>{value(a.value)}</td>
                        <td>
                          {a.from.id === p.case.id ? (
                            a.from.name
                          ) : (
                            <a href={href({ view: 'profile', caseId: a.from.id })}>{t('inherited', { name: a.from.name })}</a>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="pf-documents">
            <h3 id="pf-documents">{t('documents', { count: n(p.documents.length) })}</h3>
            {p.documents.length === 0 ? (
              <p className="ui-muted">{t('noDocuments')}</p>
            ) : (
              <ul className="pf-docs">
                {p.documents.map((d) => (
                  <li key={d.id}>
                    <a href={href({ view: 'coding', documentId: d.id, at: null })}>{d.name}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="pf-themes">
            <h3 id="pf-themes">{t('themes', { count: n(p.themes.length) })}</h3>
            {p.themes.length === 0 ? (
              <p className="ui-muted">{t('noThemes')}</p>
            ) : (
              <ul className="pf-themes">
                {p.themes.map((theme) => (
                  <li key={theme.codeId} className="pf-theme">
                    <div className="pf-theme-head">
                      <h4>
                        <a href={href({ view: 'retrieval', codeId: theme.codeId })}>{theme.path}</a>
                      </h4>
                      <span className="pf-bar" role="img" aria-label={t('segmentsBar', { segments: theme.segments })}>
                        <span style={{ width: `${(100 * theme.segments) / most}%` }} />
                      </span>
                      <span className="ui-muted">{t('themeCounts', { segments: theme.segments, documents: theme.documents })}</span>
                    </div>
                    <ul className="pf-quotes">
                      {theme.quotes.map((q) => (
                        <li key={`${q.documentId}:${q.start}`}>
                          <q>{q.text}</q>{' '}
                          <a href={href({ view: 'coding', documentId: q.documentId, at: q.start })} className="ui-muted">
                            {t('openQuote', { document: q.document })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="pf-memos">
            <h3 id="pf-memos">{t('memos', { count: n(p.memos.length) })}</h3>
            {p.memos.length === 0 ? (
              <p className="ui-muted">{t('noMemos')}</p>
            ) : (
              <ul className="pf-memos">
                {p.memos.map((m) => (
                  <li key={m.id}>
                    <h4>{m.title || t('untitled')}</h4>
                    <p>{m.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </article>
      )}
    </div>
  );
}
