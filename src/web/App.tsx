// The shell: header with navigation, who is working and the language; the view
// the route names; notices. Views live in views/, one folder each.

import type { Language } from '../core/model.ts';
import { LANGUAGES } from '../core/model.ts';
import { translate, useMessages, type Messages } from './i18n/index.tsx';
import { shellMessages } from './messages.ts';
import { href, useRoute, type Route } from './router.ts';
import { useWorkspace } from './workspace.tsx';
import { OverviewView } from './views/overview/OverviewView.tsx';
import { DocumentsView } from './views/documents/DocumentsView.tsx';
import { CodingView } from './views/coding/CodingView.tsx';
import { CodebookView } from './views/codebook/CodebookView.tsx';
import { RetrievalView } from './views/retrieval/RetrievalView.tsx';
import { MemosView } from './views/memos/MemosView.tsx';
import { AgreementView } from './views/agreement/AgreementView.tsx';
import { FrameworkView } from './views/framework/FrameworkView.tsx';
import { frameworkMessages } from './views/framework/messages.ts';
import { ProfileView } from './views/profile/ProfileView.tsx';
import { profileMessages } from './views/profile/messages.ts';
import { WordsView } from './views/words/WordsView.tsx';
import { wordsMessages } from './views/words/messages.ts';
import { QueryView } from './views/query/QueryView.tsx';
import { queryMessages } from './views/query/messages.ts';
import { GapsView } from './views/gaps/GapsView.tsx';
import { gapsMessages } from './views/gaps/messages.ts';
import { ServicesView } from './views/services/ServicesView.tsx';
import { servicesMessages } from './views/services/messages.ts';
import { ReportDraftView } from './views/report-draft/ReportDraftView.tsx';
import { reportDraftMessages } from './views/report-draft/messages.ts';
import { SearchView } from './views/search/SearchView.tsx';
import { searchMessages } from './views/search/messages.ts';
import { MatrixView } from './views/matrix/MatrixView.tsx';
import { CooccurrenceView } from './views/matrix/CooccurrenceView.tsx';
import { cooccurrenceNav, matrixMessages } from './views/matrix/messages.ts';
import { SitesView } from './views/sites/SitesView.tsx';
import { sitesMessages } from './views/sites/messages.ts';

const NAV: Route['view'][] = ['overview', 'documents', 'codebook', 'retrieval', 'memos', 'agreement', 'framework', 'profile', 'words', 'query', 'search', 'matrix', 'cooccurrence', 'sites', 'gaps', 'services', 'reportDraft'];
/** Views whose navigation label is in their own message table (key `nav`). */
const VIEW_NAV: Partial<Record<Route['view'], Messages<{ nav: string }>>> = { framework: frameworkMessages, profile: profileMessages, words: wordsMessages, query: queryMessages, search: searchMessages, matrix: matrixMessages, cooccurrence: cooccurrenceNav, sites: sitesMessages, gaps: gapsMessages, services: servicesMessages, reportDraft: reportDraftMessages };

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'overview':
      return <OverviewView />;
    case 'documents':
      return <DocumentsView />;
    case 'coding':
      return <CodingView key={route.documentId} documentId={route.documentId} at={route.at} />;
    case 'codebook':
      return <CodebookView />;
    case 'retrieval':
      return <RetrievalView codeId={route.codeId} />;
    case 'memos':
      return <MemosView />;
    case 'agreement':
      return <AgreementView documentId={route.documentId} />;
    case 'framework':
      return <FrameworkView matrixId={route.matrixId} />;
    case 'profile':
      return <ProfileView caseId={route.caseId} />;
    case 'words':
      return <WordsView />;
    case 'query':
      return <QueryView />;
    case 'gaps':
      return <GapsView tab={route.tab} />;
    case 'services':
      return <ServicesView />;
    case 'reportDraft':
      return <ReportDraftView />;
    case 'search':
      return <SearchView />;
    case 'matrix':
      return <MatrixView />;
    case 'cooccurrence':
      return <CooccurrenceView />;
    case 'sites':
      return <SitesView />;
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
        <View route={route} />
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
