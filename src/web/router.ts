// Hash routes, so the server serves one page and a reload keeps the place:
// #/overview, #/documents, #/documents/:id[?at=offset], #/codebook, #/retrieval/:codeId, #/memos, #/agreement[/:documentId],
// #/framework[/:matrixId], #/profile[/:caseId], #/words, #/query, #/search, #/matrix, #/cooccurrence, #/sites, #/gaps[/barriers|/catalogue], #/services, #/report-draft.

import { useEffect, useState } from 'react';

export type Route =
  | { view: 'overview' }
  | { view: 'documents' }
  | { view: 'coding'; documentId: string; at: number | null }
  | { view: 'codebook' }
  | { view: 'retrieval'; codeId: string | null }
  | { view: 'memos' }
  | { view: 'agreement'; documentId: string | null }
  | { view: 'framework'; matrixId: string | null }
  | { view: 'profile'; caseId: string | null }
  | { view: 'words' }
  | { view: 'query' }
  | { view: 'gaps'; tab: GapsTab }
  | { view: 'services' }
  | { view: 'reportDraft' }
  | { view: 'search' }
  | { view: 'matrix' }
  | { view: 'cooccurrence' }
  | { view: 'sites' };

/** The parts of the gap analysis view. */
export type GapsTab = 'matrix' | 'barriers' | 'catalogue';

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const at = Number(new URLSearchParams(query).get('at'));
  switch (parts[0]) {
    case 'documents':
      return parts[1] ? { view: 'coding', documentId: parts[1], at: Number.isInteger(at) && at >= 0 && query ? at : null } : { view: 'documents' };
    case 'codebook':
      return { view: 'codebook' };
    case 'retrieval':
      return { view: 'retrieval', codeId: parts[1] ?? null };
    case 'memos':
      return { view: 'memos' };
    case 'agreement':
      return { view: 'agreement', documentId: parts[1] ?? null };
    case 'framework':
      return { view: 'framework', matrixId: parts[1] ?? null };
    case 'profile':
      return { view: 'profile', caseId: parts[1] ?? null };
    case 'words':
      return { view: 'words' };
    case 'query':
      return { view: 'query' };
    case 'search':
    case 'matrix':
    case 'cooccurrence':
    case 'sites':
      return { view: parts[0] };
    case 'gaps':
      return { view: 'gaps', tab: parts[1] === 'barriers' || parts[1] === 'catalogue' ? parts[1] : 'matrix' };
    case 'services':
      return { view: 'services' };
    case 'report-draft':
      return { view: 'reportDraft' };
    default:
      return { view: 'overview' };
  }
}

export function href(route: Route): string {
  switch (route.view) {
    case 'coding':
      return `#/documents/${encodeURIComponent(route.documentId)}${route.at !== null ? `?at=${route.at}` : ''}`;
    case 'retrieval':
      return `#/retrieval${route.codeId ? `/${encodeURIComponent(route.codeId)}` : ''}`;
    case 'agreement':
      return `#/agreement${route.documentId ? `/${encodeURIComponent(route.documentId)}` : ''}`;
    case 'framework':
      return `#/framework${route.matrixId ? `/${encodeURIComponent(route.matrixId)}` : ''}`;
    case 'profile':
      return `#/profile${route.caseId ? `/${encodeURIComponent(route.caseId)}` : ''}`;
    case 'gaps':
      return `#/gaps${route.tab === 'matrix' ? '' : `/${route.tab}`}`;
    case 'reportDraft':
      return '#/report-draft';
    default:
      return `#/${route.view}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

export const navigate = (route: Route) => {
  location.hash = href(route);
};
