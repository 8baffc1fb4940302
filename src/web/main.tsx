import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadView } from './App.tsx';
import { translate } from './i18n/index.tsx';
import { shellMessages } from './messages.ts';
import { parseRoute } from './router.ts';
import { WorkspaceProvider } from './workspace.tsx';
import './styles.css';

const t = translate(shellMessages, navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en');

preloadView(parseRoute(location.hash).view);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkspaceProvider fallback={(error) => <p className="loading">{error ? t('failed', { message: error }) : t('loading')}</p>}>
      <App />
    </WorkspaceProvider>
  </StrictMode>,
);
