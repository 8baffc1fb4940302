// One edit of a listed entry (add, save against a version, delete), told to the
// user; a stale one (409) says so and closes the form. The list reloads either way,
// so what is shown is what is stored. Shared by the needs catalogues and the services inventory.

import { ApiError } from '../api.ts';

export interface EditActionHooks {
  notify(text: string, kind?: 'info' | 'error'): void;
  /** The notice for an edit refused as stale, naming the entry. */
  conflict(name: string): string;
  /** Closes the form or dialog that asked for the edit. */
  close(): void;
  reload(): void;
}

export function editAction({ notify, conflict, close, reload }: EditActionHooks) {
  return async (change: () => Promise<unknown>, done: string, name: string): Promise<void> => {
    try {
      await change();
      notify(done);
      close();
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'conflict') {
        notify(conflict(name), 'error');
        close();
      } else notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      reload();
    }
  };
}
