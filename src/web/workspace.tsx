// What every view shares: the open project, its users and who is working, the
// interface language, the codebook (kept fresh after each change) and notices.

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language, Project, User } from '../core/model.ts';
import type { CodeWithCounts } from '../core/read-models.ts';
import { api, type Api, listProjects, setActingUser } from './api.ts';
import { LanguageContext } from './i18n/index.tsx';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface Workspace {
  project: Project;
  /** Every project in the database, to switch between. */
  projects: Project[];
  /** Opens another project (kept for the next visit). */
  openProject(id: string): void;
  api: Api;
  users: User[];
  /** The person working: codings and memos are theirs. */
  user: User;
  setUser(id: string): void;
  language: Language;
  setLanguage(language: Language): void;
  codes: CodeWithCounts[];
  refreshCodes(): Promise<void>;
  notices: Notice[];
  notify(text: string, kind?: Notice['kind']): void;
  dismiss(id: number): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside <WorkspaceProvider>');
  return ws;
}

const USER_KEY = 'crosswise.user';
const PROJECT_KEY = 'crosswise.project';
const LANGUAGE_KEY = 'crosswise.language';
/** Before a user has chosen: the language last used here, else the browser's. */
const defaultLanguage = (): Language => {
  const last = localStorage.getItem(LANGUAGE_KEY);
  if (last === 'en' || last === 'fr') return last;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
};

/** Loads the project last opened here (else the first) and provides the workspace to the views. */
export function WorkspaceProvider({ children, fallback }: { children: ReactNode; fallback: (error: string | null) => ReactNode }) {
  const [project, setProject] = useState<Project | null>(null);
  const [projects, setProjects] = useState<Project[]>([]);
  const [projectId, setProjectId] = useState<string | null>(() => localStorage.getItem(PROJECT_KEY));
  const [users, setUsers] = useState<User[]>([]);
  const [userId, setUserId] = useState<string | null>(() => localStorage.getItem(USER_KEY));
  const [codes, setCodes] = useState<CodeWithCounts[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const client = useMemo(() => (project ? api(project.id) : null), [project]);

  useEffect(() => {
    // The acting user belongs to the project being left: load the next one without it.
    setActingUser(null);
    listProjects()
      .then(async (list) => {
        const chosen = list.find((p) => p.id === projectId) ?? list[0];
        if (!chosen) throw new Error('no project in this database');
        const a = api(chosen.id);
        const [u, c] = await Promise.all([a.users(), a.codes()]);
        setProjects(list);
        setUsers(u);
        setCodes(c);
        setProject(chosen);
      })
      .catch((err: Error) => setError(err.message));
  }, [projectId]);

  const user = users.find((u) => u.id === userId) ?? users.find((u) => u.role === 'coder') ?? users[0] ?? null;
  const language: Language = user?.language ?? defaultLanguage();

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);
  setActingUser(user?.id ?? null);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  // Information goes away by itself; an error stays until the user has read it.
  const notify = useCallback(
    (text: string, kind: Notice['kind'] = 'info') => {
      const id = Date.now() + Math.random();
      setNotices((list) => [...list, { id, kind, text }]);
      if (kind === 'info') setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );

  const refreshCodes = useCallback(async () => {
    if (client) setCodes(await client.codes());
  }, [client]);

  if (!project || !client || !user) return <>{fallback(error)}</>;

  const workspace: Workspace = {
    project,
    projects,
    openProject: (id) => {
      localStorage.setItem(PROJECT_KEY, id);
      setProjectId(id);
    },
    api: client,
    users,
    user,
    setUser: (id) => {
      localStorage.setItem(USER_KEY, id);
      setUserId(id);
    },
    language,
    setLanguage: (lang) => {
      client
        .setUserLanguage(user.id, lang)
        .then((updated) => setUsers((list) => list.map((u) => (u.id === updated.id ? updated : u))))
        .catch((err: Error) => notify(err.message, 'error'));
    },
    codes,
    refreshCodes,
    notices,
    notify,
    dismiss,
  };
  return (
    <WorkspaceContext.Provider value={workspace}>
      <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>
    </WorkspaceContext.Provider>
  );
}
