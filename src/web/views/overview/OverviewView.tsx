// The study at a glance: what it is about, where fieldwork and coding stand,
// who was interviewed where, and the interview guide.

import { useMemo, useState } from 'react';
import type { AttributeDefinition, AttributeValue, Case, Interview, InterviewStatus, Project } from '../../../core/model.ts';
import type { ExchangeReport as Report } from '../../../exchange/report.ts';
import { INTERVIEW_STATUSES } from '../../../core/model.ts';
import { importProject } from '../../api.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FileButton } from '../../components/FileButton.tsx';
import { ExchangeReport } from '../../components/ExchangeReport.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { StackedBar } from '../../components/StackedBar.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages, type Translate } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { ReportPanel } from '../report/ReportPanel.tsx';
import type { CoderProgress, SiteInterviewProgress } from '../../../core/read-models.ts';
import { overviewMessages } from './messages.ts';
import { attributesFor, groupStudy, type SiteGroup } from './study.ts';
import './overview.css';

type T = Translate<typeof overviewMessages.en>;

const STATUS_COLORS: Record<InterviewStatus, string> = {
  planned: '#c3cad5',
  done: '#8fb3e8',
  transcribed: '#3d7fd9',
  coded: '#163f80',
};

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export function OverviewView() {
  const { api } = useWorkspace();
  const t = useMessages(overviewMessages);
  const loaded = useLoad(
    () => Promise.all([api.project(), api.cases(), api.attributes(), api.guide(), api.interviews(), api.progress()]),
    [api],
  );
  if (!loaded.data) return <LoadState error={loaded.error} onRetry={loaded.reload} />;
  const [{ project, stats }, cases, attributes, guide, interviews, progress] = loaded.data;
  const statItems: [string, number][] = [
    [t('sites'), stats.sites],
    [t('organisations'), stats.organisations],
    [t('participants'), stats.participants],
    [t('interviews'), stats.interviews],
    [t('documents'), stats.documents],
    [t('codes'), stats.codableCodes],
    [t('codings'), stats.codings],
    [t('memos'), stats.memos],
  ];

  return (
    <div className="ov">
      <header className="ov-head">
        <p className="ov-kicker">{t('studyAtAGlance')}</p>
        <h1>{project.title}</h1>
        <p className="ov-description">{project.description}</p>
        <StatStrip items={statItems} />
      </header>

      <div className="ov-grid">
        <section className="ov-card" aria-labelledby="ov-objectives">
          <h2 id="ov-objectives">{t('objectives')}</h2>
          <ol className="ov-objectives">
            {project.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ol>
          {project.definitions.length > 0 && (
            <>
              <h2>{t('definitions')}</h2>
              <dl className="ov-definitions">
                {project.definitions.map((d) => (
                  <div key={d.term}>
                    <dt>{d.term}</dt>
                    <dd>
                      {d.definition}
                      {d.source && <span className="ov-source">{t('source', { source: d.source })}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </section>

        <div className="ov-stack">
          <section className="ov-card" aria-labelledby="ov-fieldwork">
            <h2 id="ov-fieldwork">{t('fieldwork')}</h2>
            <FieldworkTable sites={progress.sites} t={t} />
          </section>
          <section className="ov-card" aria-labelledby="ov-coding">
            <h2 id="ov-coding">{t('coding')}</h2>
            <CodingTable coders={progress.coders} documents={stats.documents} t={t} />
          </section>
        </div>
      </div>

      <CaseSection cases={cases} attributes={attributes} interviews={interviews} t={t} />

      <section className="ov-card" aria-labelledby="ov-guide">
        <h2 id="ov-guide">{t('guide')}</h2>
        {guide.length === 0 ? (
          <p className="ui-muted">{t('guideEmpty')}</p>
        ) : (
          <ol className="ov-guide">
            {[...guide]
              .sort((a, b) => a.position - b.position)
              .map((area) => (
                <li key={area.id}>
                  <h3>
                    {area.title} <span className="ui-badge">{t('questions', { count: area.questions.length })}</span>
                  </h3>
                  {area.description && <p className="ui-muted">{area.description}</p>}
                  <ol className="ov-questions">
                    {[...area.questions]
                      .sort((a, b) => a.position - b.position)
                      .map((q) => (
                        <li key={q.id}>{q.text}</li>
                      ))}
                  </ol>
                </li>
              ))}
          </ol>
        )}
      </section>

      <ReportPanel />

      <ExchangePanel t={t} />
    </div>
  );
}

type Shown = { kind: 'export'; report: Report } | { kind: 'import'; report: Report; project: Project } | null;

/** REFI-QDA: export this project, see what the export loses, or import a .qdpx as a new project. */
function ExchangePanel({ t }: { t: T }) {
  const { api, notify, openProject } = useWorkspace();
  const [busy, setBusy] = useState<'report' | 'import' | null>(null);
  const [shown, setShown] = useState<Shown>(null);

  const run = async (what: 'report' | 'import', task: () => Promise<Shown>, failed: 'reportFailed' | 'importFailed') => {
    setBusy(what);
    try {
      setShown(await task());
    } catch (err) {
      notify(t(failed, { message: (err as Error).message }), 'error');
    } finally {
      setBusy(null);
    }
  };
  const exportLink = (onClick?: () => void) => (
    <a className="ui-button is-primary" style={{ textDecoration: 'none' }} href={api.exportUrl('qdpx')} download onClick={onClick}>
      {t('exportProject')}
    </a>
  );

  return (
    <section className="ov-card" aria-labelledby="ov-exchange">
      <h2 id="ov-exchange">{t('exchange')}</h2>
      <p className="ui-muted" style={{ margin: '0 0 10px' }}>
        {t('exchangeIntro')}
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {exportLink()}
        <button
          type="button"
          className="ui-button"
          disabled={busy !== null}
          onClick={() => void run('report', async () => ({ kind: 'export', report: await api.exportReport('qdpx') }), 'reportFailed')}
        >
          {busy === 'report' ? t('loadingReport') : t('exportLimits')}
        </button>
        <FileButton
          label={busy === 'import' ? t('importing') : t('importProject')}
          accept=".qdpx,.qde"
          disabled={busy !== null}
          onFiles={([file]) => void run('import', async () => ({ kind: 'import', ...(await importProject(file!)) }), 'importFailed')}
        />
      </div>

      {shown?.kind === 'export' && (
        <Dialog title={t('exportLimits')} onClose={() => setShown(null)} actions={exportLink(() => setShown(null))}>
          <ExchangeReport report={shown.report} />
        </Dialog>
      )}
      {shown?.kind === 'import' && (
        <Dialog
          title={t('importedTitle')}
          onClose={() => setShown(null)}
          actions={
            <button type="button" className="ui-button is-primary" onClick={() => {
                setShown(null);
                openProject(shown.project.id);
              }}>
              {t('openImported')}
            </button>
          }
        >
          <p>{t('importedBody', { title: shown.project.title })}</p>
          <ExchangeReport report={shown.report} />
        </Dialog>
      )}
    </section>
  );
}

function StatStrip({ items }: { items: [string, number][] }) {
  const format = useFormat();
  return (
    <dl className="ov-stats">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function StatusLegend({ t }: { t: T }) {
  return (
    <ul className="ov-legend" aria-hidden="true">
      {INTERVIEW_STATUSES.map((s) => (
        <li key={s}>
          <span className="ov-swatch" style={{ background: STATUS_COLORS[s] }} />
          {t(s)}
        </li>
      ))}
    </ul>
  );
}

function statusBar(t: T, site: string, counts: Record<InterviewStatus, number>) {
  return (
    <StackedBar
      label={t('statusSummary', { site, ...counts })}
      parts={INTERVIEW_STATUSES.map((s) => ({ key: s, label: t(s), value: counts[s], color: STATUS_COLORS[s] }))}
    />
  );
}

function FieldworkTable({ sites, t }: { sites: SiteInterviewProgress[]; t: T }) {
  const format = useFormat();
  const total = (row: SiteInterviewProgress) => INTERVIEW_STATUSES.reduce((sum, s) => sum + row.counts[s], 0);
  const columns: Column<SiteInterviewProgress>[] = [
    { key: 'site', header: t('site'), rowHeader: true, cell: (r) => r.site.name, sortValue: (r) => r.site.name },
    { key: 'bar', header: t('progress'), cell: (r) => statusBar(t, r.site.name, r.counts) },
    ...INTERVIEW_STATUSES.map(
      (s): Column<SiteInterviewProgress> => ({ key: s, header: t(s), numeric: true, cell: (r) => format.number(r.counts[s]), sortValue: (r) => r.counts[s] }),
    ),
    { key: 'total', header: t('total'), numeric: true, cell: (r) => format.number(total(r)), sortValue: total },
  ];
  return (
    <>
      <DataTable caption={t('fieldworkCaption')} hideCaption columns={columns} rows={sites} rowKey={(r) => r.site.id} empty={t('noCases')} className="ov-fieldwork" />
      <StatusLegend t={t} />
    </>
  );
}

function CodingTable({ coders, documents, t }: { coders: CoderProgress[]; documents: number; t: T }) {
  const { users } = useWorkspace();
  const format = useFormat();
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const columns: Column<CoderProgress>[] = [
    { key: 'coder', header: t('coder'), rowHeader: true, cell: (r) => name(r.coderId), sortValue: (r) => name(r.coderId) },
    {
      key: 'share',
      header: t('share'),
      cell: (r) => (
        <StackedBar
          label={t('shareSummary', { coder: name(r.coderId), done: r.documents, total: documents })}
          parts={[
            { key: 'done', label: t('documentsCoded'), value: r.documents, color: STATUS_COLORS.coded },
            { key: 'rest', label: '', value: Math.max(documents - r.documents, 0), color: '#e9edf2' },
          ]}
        />
      ),
    },
    { key: 'documents', header: t('documentsCoded'), numeric: true, cell: (r) => `${format.number(r.documents)} / ${format.number(documents)}`, sortValue: (r) => r.documents },
    { key: 'codings', header: t('codingsMade'), numeric: true, cell: (r) => format.number(r.codings), sortValue: (r) => r.codings },
  ];
  return <DataTable caption={t('codingCaption')} hideCaption columns={columns} rows={coders} rowKey={(r) => r.coderId} empty={t('noCoding')} className="ov-coding" />;
}

function CaseSection({ cases, attributes, interviews, t }: { cases: Case[]; attributes: AttributeDefinition[]; interviews: Interview[]; t: T }) {
  const format = useFormat();
  const groups = useMemo(() => groupStudy(cases, format.compare), [cases, format]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const keyOf = (g: SiteGroup) => g.site?.id ?? '';
  const allOpen = groups.length > 0 && groups.every((g) => open.has(keyOf(g)));

  // A participant's most advanced interview.
  const statusOf = useMemo(() => {
    const map = new Map<string, InterviewStatus>();
    for (const i of interviews) {
      const had = map.get(i.participantId);
      if (!had || INTERVIEW_STATUSES.indexOf(i.status) > INTERVIEW_STATUSES.indexOf(had)) map.set(i.participantId, i.status);
    }
    return map;
  }, [interviews]);

  const value = (v: AttributeValue | undefined) => (v === undefined || v === '' ? '—' : typeof v === 'boolean' ? (v ? t('yes') : t('no')) : typeof v === 'number' ? format.number(v) : v);
  const siteAttributes = attributesFor(attributes, 'site');
  const orgAttributes = attributesFor(attributes, 'organisation');
  const participantAttributes = attributesFor(attributes, 'participant');

  return (
    <section className="ov-card" aria-labelledby="ov-cases">
      <div className="ov-section-head">
        <h2 id="ov-cases">{t('caseTree')}</h2>
        <button type="button" className="ui-button is-small" onClick={() => setOpen(allOpen ? new Set() : new Set(groups.map(keyOf)))}>
          {allOpen ? t('collapseAll') : t('expandAll')}
        </button>
      </div>
      {groups.length === 0 && <p className="ui-muted">{t('noCases')}</p>}
      {groups.map((g) => {
        const key = keyOf(g);
        const siteName = g.site?.name ?? t('noSite');
        const counts = Object.fromEntries(INTERVIEW_STATUSES.map((s) => [s, 0])) as Record<InterviewStatus, number>;
        for (const p of g.groups.flatMap((o) => o.participants)) {
          const s = statusOf.get(p.id);
          if (s) counts[s]++;
        }
        return (
          <details
            key={key}
            className="ov-site"
            open={open.has(key)}
            onToggle={(e) => {
              const isOpen = e.currentTarget.open;
              if (isOpen === open.has(key)) return;
              setOpen((prev) => {
                const next = new Set(prev);
                if (isOpen) next.add(key);
                else next.delete(key);
                return next;
              });
            }}
          >
            <summary>
              <span className="ov-site-name">{siteName}</span>
              {siteAttributes.map((a) => {
                const v = g.site?.attributes[a.name];
                return (
                  v !== undefined && (
                    <span key={a.name} className="ui-muted" title={a.name}>
                      {value(v)}
                    </span>
                  )
                );
              })}
              <span className="ui-muted ov-site-counts">
                {t('siteSummary', { organisations: format.number(g.groups.filter((o) => o.organisation).length), participants: format.number(g.participants) })}
              </span>
              <span className="ov-site-bar">{statusBar(t, siteName, counts)}</span>
            </summary>
            <div className="ui-table-wrap">
              <table className="ui-table ov-cases">
                <caption className="ui-visually-hidden">{t('participantsCaption', { site: siteName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('participant')}</th>
                    {participantAttributes.map((a) => (
                      <th key={a.name} scope="col" title={a.description || undefined} className={a.type === 'integer' || a.type === 'float' ? 'is-numeric' : undefined}>
                        {capitalise(a.name)}
                      </th>
                    ))}
                    <th scope="col">{t('interviewStatus')}</th>
                  </tr>
                </thead>
                {g.groups.map((o) => (
                  <tbody key={o.organisation?.id ?? ''}>
                    <tr className="ov-org-row">
                      <th scope="rowgroup" colSpan={participantAttributes.length + 2}>
                        <span className="ov-org-name">{o.organisation?.name ?? t('noOrganisation')}</span>
                        {o.organisation && (
                          <span className="ov-org-attrs">
                            {orgAttributes.map((a) => (
                              <span key={a.name}>
                                <span className="ov-attr-name">{capitalise(a.name)}</span> {value(o.organisation?.attributes[a.name])}
                              </span>
                            ))}
                          </span>
                        )}
                      </th>
                    </tr>
                    {o.participants.map((p) => {
                      const status = statusOf.get(p.id);
                      return (
                        <tr key={p.id}>
                          <th scope="row" className="ov-participant">
                            {p.name}
                          </th>
                          {participantAttributes.map((a) => (
                            <td key={a.name} className={typeof p.attributes[a.name] === 'number' ? 'is-numeric' : undefined}>
                              {value(p.attributes[a.name])}
                            </td>
                          ))}
                          <td>
                            {status ? (
                              <span className="ov-status">
                                <span className="ov-swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
                                {t(`status_${status}`)}
                              </span>
                            ) : (
                              <span className="ui-muted">{t('notInterviewed')}</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                ))}
              </table>
            </div>
          </details>
        );
      })}
    </section>
  );
}
