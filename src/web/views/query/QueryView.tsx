// Coding query: a Boolean combination of codes typed in the query syntax (with its
// help) or built from two codes, filtered by site, case attribute, document, coder
// and interviewer turns; the matching passages with links into the transcripts.

import { useMemo, useState } from 'react';
import type { CodeWithCounts } from '../../../core/read-models.ts';
import type { CodingQueryResult } from '../../../analysis/coding-query.ts';
import { ApiError } from '../../api.ts';
import { AttributeSelect, CoderSelect, SiteSelect } from '../../components/CaseFilters.tsx';
import { Combobox } from '../../components/Combobox.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { QuoteItem } from '../../components/QuoteItem.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { codeOptions, codePath } from '../codebook/codebook.ts';
import { codingQueryDownloadUrl, runCodingQuery, type QueryFilters } from './api.ts';
import { queryMessages } from './messages.ts';
import { BUILDER_OPERATORS, buildQuery, type BuilderOperator } from './query.ts';
import './query.css';

export function QueryView() {
  const { api, project, codes, users } = useWorkspace();
  const t = useMessages(queryMessages);
  const format = useFormat();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<QueryFilters>({ excludeInterviewer: false });
  // The query and filters of the result shown, for its download.
  const [result, setResult] = useState<{ data: CodingQueryResult; query: string; filters: QueryFilters } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const meta = useLoad(() => Promise.all([api.cases(), api.attributes(), api.documents()]), [api]);
  const [cases, definitions, documents] = meta.data ?? [[], [], []];
  const sortedDocuments = useMemo(() => [...documents].sort((a, b) => format.compare(a.name, b.name)).map((d) => ({ value: d.id, label: d.name })), [documents, format]);
  const set = <K extends keyof QueryFilters>(key: K, value: QueryFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const n = format.number;

  const run = async (query: string) => {
    if (!query.trim()) return;
    setRunning(true);
    try {
      setResult({ data: await runCodingQuery(project.id, query, filters), query, filters });
      setError(null);
    } catch (err) {
      setResult(null);
      // The server names the field ("query.q: …"); the field is on screen already.
      setError(err instanceof ApiError ? err.message.replace(/^query\.q: /, '') : String(err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="cq">
      <h1>{t('title')}</h1>
      <p className="ui-muted cq-intro">{t('intro')}</p>
      <form
        className="cq-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(text);
        }}
      >
        <label className="ui-field">
          <span>{t('query')}</span>
          <textarea
            rows={2}
            value={text}
            placeholder={t('placeholder')}
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={error ? 'cq-error' : undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void run(text);
              }
            }}
          />
        </label>
        {error && (
          <p id="cq-error" className="ui-error" role="alert">
            {error}
          </p>
        )}
        <details className="cq-help">
          <summary>{t('syntax')}</summary>
          <ul>
            <li>{t('syntaxAnd')}</li>
            <li>{t('syntaxOr')}</li>
            <li>{t('syntaxNot')}</li>
            <li>{t('syntaxNear')}</li>
            <li>{t('syntaxInside')}</li>
          </ul>
          <p>{t('syntaxNames')}</p>
        </details>
        <Builder codes={codes} onUse={setText} />
        <fieldset className="cq-filters">
          <legend>{t('filters')}</legend>
          <SiteSelect label={t('site')} anyLabel={t('anySite')} cases={cases} value={filters.siteId ?? ''} onChange={(v) => set('siteId', v || undefined)} />
          <AttributeSelect label={t('attribute')} anyLabel={t('anyAttribute')} className="cq-wide" cases={cases} attributes={definitions} value={filters.attribute ?? ''} onChange={(v) => set('attribute', v || undefined)} />
          <SelectField label={t('document')} anyLabel={t('anyDocument')} className="cq-wide" choices={sortedDocuments} value={filters.documentId ?? ''} onChange={(v) => set('documentId', v || undefined)} />
          <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} users={users} value={filters.coderId ?? ''} onChange={(v) => set('coderId', v || undefined)} />
          <label className="cq-check">
            <input type="checkbox" checked={filters.excludeInterviewer ?? false} onChange={(e) => set('excludeInterviewer', e.target.checked)} /> {t('excludeInterviewer')}
          </label>
        </fieldset>
        <div>
          <button type="submit" className="ui-button is-primary" disabled={running || !text.trim()}>
            {running ? t('running') : t('run')}
          </button>
        </div>
      </form>

      {result && (
        <section className="cq-results" aria-labelledby="cq-results-title" aria-busy={running}>
          <h2 id="cq-results-title">{t('results')}</h2>
          <p className="ui-muted" role="status">
            {t('count', { hits: result.data.hits.length, documents: result.data.documents, cases: result.data.cases })}
          </p>
          {result.data.hits.length > 0 && (
            <Downloads links={(['csv', 'xlsx'] as const).map((format) => ({ format, href: codingQueryDownloadUrl(project.id, result.query, result.filters, format), what: 'table' }))} />
          )}
          {result.data.hits.length === 0 ? (
            <p className="ui-muted">{t('none')}</p>
          ) : (
            <ol className="cq-list">
              {result.data.hits.map((h) => (
                <QuoteItem
                  key={`${h.document.id}:${h.start}:${h.end}`}
                  className="cq-hit"
                  document={h.document}
                  start={h.start}
                  text={h.text}
                  openLabel={t('openLabel', { document: h.document.name })}
                  openText={t('openIn')}
                  meta={
                    <>
                      {h.case && <span>{h.case.name}</span>}
                      {h.site && <span>{h.site.name}</span>}
                      <span>{t('range', { start: n(h.start), end: n(h.end) })}</span>
                    </>
                  }
                />
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

function Builder({ codes, onUse }: { codes: CodeWithCounts[]; onUse(query: string): void }) {
  const t = useMessages(queryMessages);
  const format = useFormat();
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const [operator, setOperator] = useState<BuilderOperator>('and');
  const [within, setWithin] = useState(50);
  const options = useMemo(() => codeOptions(codes, format.compare), [codes, format]);
  const path = (id: string) => codePath(codes, id, '/');
  return (
    <details className="cq-builder">
      <summary>{t('builder')}</summary>
      <div className="cq-builder-row">
        <div className="cq-code">
          <Combobox label={t('codeA')} options={options} value={a} onChange={setA} placeholder={t('codePlaceholder')} />
        </div>
        <SelectField
          label={t('operator')}
          className="cq-op"
          choices={BUILDER_OPERATORS.map((op) => ({ value: op, label: t(`op_${op}`) }))}
          value={operator}
          onChange={(v) => setOperator(v as BuilderOperator)}
        />
        {operator === 'near' && (
          <label className="ui-field cq-within">
            <span>{t('within')}</span>
            <input type="number" min={0} value={within} onChange={(e) => setWithin(Number(e.target.value))} />
          </label>
        )}
        <div className="cq-code">
          <Combobox label={t('codeB')} options={options} value={b} onChange={setB} placeholder={t('codePlaceholder')} />
        </div>
        <button type="button" className="ui-button" disabled={!a || !b} onClick={() => a && b && onUse(buildQuery(path(a), operator, path(b), within))}>
          {t('useBuilt')}
        </button>
      </div>
    </details>
  );
}
