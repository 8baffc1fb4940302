// Hash routes, so the server serves one page and a reload keeps the place:
// #/overview, #/documents, #/documents/:id[?at=offset], #/codebook, #/retrieval/:codeId, #/memos, #/agreement[/:documentId].

import { useEffect, useState } from 'react';

export type Route =
  | { view: 'overview' }
  | { view: 'documents' }
  | { view: 'coding'; documentId: string; at: number | null }
  | { view: 'codebook' }
  | { view: 'retrieval'; codeId: string | null }
  | { view: 'memos' }
  | { view: 'agreement'; documentId: string | null };

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
