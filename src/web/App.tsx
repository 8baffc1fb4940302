// The shell: header with navigation, who is working and the language; the view
// the route names; notices. Views live in views/, one folder each.

import type { Language } from '../core/model.ts';
import { LANGUAGES } from '../core/model.ts';
import { useMessages } from './i18n/index.tsx';
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

const NAV: Route['view'][] = ['overview', 'documents', 'codebook', 'retrieval', 'memos', 'agreement'];

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
  }
}

const navRoute = (view: Route['view']): Route => {
  switch (view) {
    case 'retrieval':
      return { view, codeId: null };
    case 'agreement':
      return { view, documentId: null };
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
              {t(view as 'overview')}
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
