// The study's documents: a sortable table with filters (site, any organisation
// attribute, language, interview status, coder) and the import panel.

import { useMemo, useState } from 'react';
import { INTERVIEW_STATUSES, LANGUAGES, type InterviewStatus, type Language } from '../../../core/model.ts';
import type { DocumentRow } from '../../../core/read-models.ts';
import { AttributeSelect, CoderSelect, SiteSelect } from '../../components/CaseFilters.tsx';
import { sitesOf } from '../../components/case-choices.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { filterDocuments, NO_FILTER, type DocumentFilter } from './filters.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { documentsMessages } from './messages.ts';
import './documents.css';

export function DocumentsView() {
  const { api, users } = useWorkspace();
  const t = useMessages(documentsMessages);
  const format = useFormat();
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER);
  const docs = useLoad(() => api.documents(), [api]);
  const meta = useLoad(() => Promise.all([api.cases(), api.attributes()]), [api]);
  const [cases, attributes] = meta.data ?? [[], []];

  const casesById = useMemo(() => new Map(cases.map((c) => [c.id, c])), [cases]);
  const sites = useMemo(() => sitesOf(cases, format.compare), [cases, format]);
  const participants = useMemo(() => cases.filter((c) => c.kind === 'participant').sort((a, b) => format.compare(a.name, b.name)), [cases, format]);
  const rows = useMemo(() => filterDocuments(docs.data ?? [], filter, casesById), [docs.data, filter, casesById]);
  const coders = useMemo(() => {
    const ids = new Set((docs.data ?? []).flatMap((d) => d.coderIds));
    return users.filter((u) => ids.has(u.id));
  }, [docs.data, users]);

  const userName = (uid: string) => users.find((u) => u.id === uid)?.name ?? uid;
  const set = <K extends keyof DocumentFilter>(key: K, value: DocumentFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const columns: Column<DocumentRow>[] = [
    {
      key: 'name',
      header: t('name'),
      rowHeader: true,
      cell: (r) => <a href={href({ view: 'coding', documentId: r.id, at: null })}>{r.name}</a>,
      sortValue: (r) => r.name,
    },
    { key: 'site', header: t('site'), cell: (r) => r.site?.name ?? t('none'), sortValue: (r) => r.site?.name ?? null },
    { key: 'organisation', header: t('organisation'), cell: (r) => r.organisation?.name ?? t('none'), sortValue: (r) => r.organisation?.name ?? null },
    { key: 'participant', header: t('participant'), cell: (r) => r.case?.name ?? t('none'), sortValue: (r) => r.case?.name ?? null },
    {
      key: 'language',
      header: t('language'),
      cell: (r) => (r.language ? format.languageName(r.language) : t('none')),
      sortValue: (r) => r.language,
    },
    {
      key: 'status',
      header: t('status'),
      cell: (r) => (r.interviewStatus ? <span className={`doc-status is-${r.interviewStatus}`}>{t(`status_${r.interviewStatus}`)}</span> : t('none')),
      sortValue: (r) => (r.interviewStatus ? INTERVIEW_STATUSES.indexOf(r.interviewStatus) : null),
    },
    { key: 'coders', header: t('coders'), cell: (r) => (r.coderIds.length ? r.coderIds.map(userName).join(', ') : t('none')), sortValue: (r) => r.coderIds.length },
    { key: 'codings', header: t('codings'), numeric: true, cell: (r) => format.number(r.codings), sortValue: (r) => r.codings },
    { key: 'length', header: t('length'), numeric: true, cell: (r) => format.number(r.length), sortValue: (r) => r.length },
  ];

  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  return (
    <div className="doc">
      <div className="doc-head">
        <h1>{t('title')}</h1>
        {docs.data && (
          <p className="ui-muted" role="status">
            {t('count', { shown: format.number(rows.length), total: format.number(docs.data.length) })}
          </p>
        )}
      </div>

      <form className="doc-filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="ui-field">
          <span>{t('search')}</span>
          <input type="search" value={filter.text} placeholder={t('searchPlaceholder')} onChange={(e) => set('text', e.target.value)} />
        </label>
        <SiteSelect label={t('site')} anyLabel={t('allSites')} cases={cases} value={filter.siteId} onChange={(v) => set('siteId', v)} />
        <AttributeSelect
          label={t('organisationAttribute')}
          anyLabel={t('anyOrganisation')}
          className="doc-filter-wide"
          cases={cases}
          attributes={attributes}
          kind="organisation"
          value={filter.organisation}
          onChange={(v) => set('organisation', v)}
        />
        <SelectField
          label={t('language')}
          anyLabel={t('anyLanguage')}
          choices={LANGUAGES.map((l) => ({ value: l, label: format.languageName(l) }))}
          value={filter.language}
          onChange={(v) => set('language', v as Language | 'none' | '')}
        >
          <option value="none">{t('unknownLanguage')}</option>
        </SelectField>
        <SelectField
          label={t('status')}
          anyLabel={t('anyStatus')}
          choices={INTERVIEW_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
          value={filter.status}
          onChange={(v) => set('status', v as InterviewStatus | 'none' | '')}
        >
          <option value="none">{t('noInterview')}</option>
        </SelectField>
        <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} users={coders} value={filter.coderId} onChange={(v) => set('coderId', v)} />
        <button type="button" className="ui-button doc-clear" disabled={!filtered} onClick={() => setFilter(NO_FILTER)}>
          {t('clearFilters')}
        </button>
      </form>

      {docs.data ? (
        <DataTable
          caption={t('caption')}
          hideCaption
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          empty={docs.data.length === 0 ? t('noDocuments') : t('noMatch')}
          initialSort={{ key: 'name', descending: false }}
          className="doc-table"
        />
      ) : (
        <LoadState error={docs.error} onRetry={docs.reload} />
      )}

      <ImportPanel sites={sites} participants={participants} onImported={() => {
          docs.reload();
          meta.reload();
        }} />
    </div>
  );
}
