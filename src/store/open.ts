import { invalid } from '../core/errors.ts';
import type { Store } from './store.ts';
import { openSqlite, type OpenOptions } from './sqlite/open.ts';
import { isPostgresUrl, openPostgres } from './postgres/open.ts';

export type { OpenOptions };

/** Opens (creating and migrating as needed) the store at a file path or a postgres:// URL. */
export function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (!location.trim()) return Promise.reject(invalid('no database given'));
  if (isPostgresUrl(location)) return openPostgres(location, options);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    return Promise.reject(invalid(`unsupported database URL "${location.split('://')[0]}://…": use a file path or postgres://`));
  }
  return openSqlite(location, options);
}
