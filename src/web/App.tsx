// The shell: header with navigation, who is working and the language; the view
// the route names; notices. Views live in views/, one folder each.

import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import type { Language } from '../core/model.ts';
import { LANGUAGES } from '../core/model.ts';
import { translate, useMessages, type Messages } from './i18n/index.tsx';
import { shellMessages } from './messages.ts';
import { href, useRoute, type Route } from './router.ts';
import { useWorkspace } from './workspace.tsx';
import { frameworkMessages } from './views/framework/messages.ts';
import { profileMessages } from './views/profile/messages.ts';
import { wordsMessages } from './views/words/messages.ts';
import { queryMessages } from './views/query/messages.ts';
import { gapsMessages } from './views/gaps/messages.ts';
import { servicesMessages } from './views/services/messages.ts';
import { reportDraftMessages } from './views/report-draft/messages.ts';
import { searchMessages } from './views/search/messages.ts';
import { cooccurrenceNav, matrixMessages } from './views/matrix/messages.ts';
import { sitesMessages } from './views/sites/messages.ts';

/** Shown in place of a view whose code could not be fetched (say, the server was updated since the page opened). */
function ViewNotLoaded() {
  const t = useMessages(shellMessages);
  return (
    <p className="loading" role="alert">
      {t('viewNotLoaded')}{' '}
      <button type="button" onClick={() => location.reload()}>
        {t('reload')}
      </button>
    </p>
  );
}

/**
 * A view whose code is fetched when first needed, so opening one view never waits for all eighteen.
 * Once fetched it renders directly: React.lazy alone would suspend on every first render, and React
 * holds a suspended boundary's fallback for at least 300 ms.
 */
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let fetching: Promise<ComponentType<P>> | null = null;
  // A browser keeps a failed module fetch for the page's life, so on failure only a reload helps.
  const preload = () => (fetching ??= load().catch(() => ViewNotLoaded).then((c) => (loaded = c)));
  const Suspending = lazy(async () => ({ default: await preload() }));
  const LazyView = (props: P) => {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Suspending {...props} />;
  };
  return Object.assign(LazyView, { preload });
}

const views = {
  overview: lazyView(() => import('./views/overview/OverviewView.tsx').then((m) => m.OverviewView)),
  documents: lazyView(() => import('./views/documents/DocumentsView.tsx').then((m) => m.DocumentsView)),
  coding: lazyView(() => import('./views/coding/CodingView.tsx').then((m) => m.CodingView)),
  codebook: lazyView(() => import('./views/codebook/CodebookView.tsx').then((m) => m.CodebookView)),
  retrieval: lazyView(() => import('./views/retrieval/RetrievalView.tsx').then((m) => m.RetrievalView)),
  memos: lazyView(() => import('./views/memos/MemosView.tsx').then((m) => m.MemosView)),
  agreement: lazyView(() => import('./views/agreement/AgreementView.tsx').then((m) => m.AgreementView)),
  framework: lazyView(() => import('./views/framework/FrameworkView.tsx').then((m) => m.FrameworkView)),
  profile: lazyView(() => import('./views/profile/ProfileView.tsx').then((m) => m.ProfileView)),
  words: lazyView(() => import('./views/words/WordsView.tsx').then((m) => m.WordsView)),
  query: lazyView(() => import('./views/query/QueryView.tsx').then((m) => m.QueryView)),
  gaps: lazyView(() => import('./views/gaps/GapsView.tsx').then((m) => m.GapsView)),
  services: lazyView(() => import('./views/services/ServicesView.tsx').then((m) => m.ServicesView)),
  reportDraft: lazyView(() => import('./views/report-draft/ReportDraftView.tsx').then((m) => m.ReportDraftView)),
  search: lazyView(() => import('./views/search/SearchView.tsx').then((m) => m.SearchView)),
  matrix: lazyView(() => import('./views/matrix/MatrixView.tsx').then((m) => m.MatrixView)),
  cooccurrence: lazyView(() => import('./views/matrix/CooccurrenceView.tsx').then((m) => m.CooccurrenceView)),
  sites: lazyView(() => import('./views/sites/SitesView.tsx').then((m) => m.SitesView)),
};

/** Starts fetching a view's code (the one the page opens on, while the study loads). */
export function preloadView(view: Route['view']): void {
  void views[view].preload();
}

/** A few seconds after opening, every view's code is fetched, so moving between views does not wait. */
const PRELOAD_ALL_AFTER_MS = 3000;
function preloadViewsLater(): () => void {
  const timer = setTimeout(() => {
    for (const view of Object.values(views)) void view.preload();
  }, PRELOAD_ALL_AFTER_MS);
  return () => clearTimeout(timer);
}

const NAV: Route['view'][] = ['overview', 'documents', 'codebook', 'retrieval', 'memos', 'agreement', 'framework', 'profile', 'words', 'query', 'search', 'matrix', 'cooccurrence', 'sites', 'gaps', 'services', 'reportDraft'];
/** Views whose navigation label is in their own message table (key `nav`). */
const VIEW_NAV: Partial<Record<Route['view'], Messages<{ nav: string }>>> = { framework: frameworkMessages, profile: profileMessages, words: wordsMessages, query: queryMessages, search: searchMessages, matrix: matrixMessages, cooccurrence: cooccurrenceNav, sites: sitesMessages, gaps: gapsMessages, services: servicesMessages, reportDraft: reportDraftMessages };

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'overview':
      return <views.overview />;
    case 'documents':
      return <views.documents />;
    case 'coding':
      return <views.coding key={route.documentId} documentId={route.documentId} at={route.at} />;
    case 'codebook':
      return <views.codebook />;
    case 'retrieval':
      return <views.retrieval codeId={route.codeId} />;
    case 'memos':
      return <views.memos />;
    case 'agreement':
      return <views.agreement documentId={route.documentId} />;
    case 'framework':
      return <views.framework matrixId={route.matrixId} />;
    case 'profile':
      return <views.profile caseId={route.caseId} />;
    case 'words':
      return <views.words />;
    case 'query':
      return <views.query />;
    case 'gaps':
      return <views.gaps tab={route.tab} />;
    case 'services':
      return <views.services />;
    case 'reportDraft':
      return <views.reportDraft />;
    case 'search':
      return <views.search />;
    case 'matrix':
      return <views.matrix />;
    case 'cooccurrence':
      return <views.cooccurrence />;
    case 'sites':
      return <views.sites />;
  }
}

const navRoute = (view: Route['view']): Route => {
  switch (view) {
    case 'retrieval':
      return { view, codeId: null };
    case 'agreement':
      return { view, documentId: null };
    case 'framework':
      return { view, matrixId: null };
    case 'profile':
      return { view, caseId: null };
    case 'gaps':
      return { view, tab: 'matrix' };
    case 'coding':
      return { view: 'documents' };
    default:
      return { view };
  }
};

export function App() {
  const ws = useWorkspace();
  const t = useMessages(shellMessages);
  const route = useRoute();
  const current = route.view === 'coding' ? 'documents' : route.view;
  useEffect(preloadViewsLater, []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <strong className="app-name">{t('appName')}</strong>
        {ws.projects.length > 1 ? (
          <label className="header-field project-title">
            <span className="visually-hidden">{t('project')}</span>
            <select value={ws.project.id} onChange={(e) => ws.openProject(e.target.value)}>
              {ws.projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="project-title">{ws.project.title}</span>
        )}
        <nav aria-label={t('nav')}>
          {NAV.map((view) => (
            <a key={view} href={href(navRoute(view))} aria-current={current === view ? 'page' : undefined}>
              {VIEW_NAV[view] ? translate(VIEW_NAV[view], ws.language)('nav') : t(view as 'overview')}
            </a>
          ))}
        </nav>
        <label className="header-field">
          {t('workingAs')}
          <select value={ws.user.id} onChange={(e) => ws.setUser(e.target.value)}>
            {ws.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="header-field">
          {t('language')}
          <select value={ws.language} onChange={(e) => ws.setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : 'Français'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <View route={route} />
        </Suspense>
      </main>
      <div className="notices" role="status" aria-live="polite">
        {ws.notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`}>
            <span>{n.text}</span>
            <button type="button" onClick={() => ws.dismiss(n.id)}>
              {t('dismiss')}
            </button>
          </div>
        ))}
      </div>
    </>
  );
}
