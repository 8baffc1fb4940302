// Runs a codebook change: on success the shared codebook reloads and the user
// is told; on a conflict (someone else changed the code) it reloads too.

import { useCallback } from 'react';
import { ApiError } from '../../api.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { codebookMessages } from './messages.ts';

export function useCodebookAction() {
  const { refreshCodes, notify } = useWorkspace();
  const t = useMessages(codebookMessages);
  return useCallback(
    async <R>(change: () => Promise<R>, done: (result: R) => string, codeName: string): Promise<R | null> => {
      try {
        const result = await change();
        await refreshCodes();
        notify(done(result));
        return result;
      } catch (err) {
        if (err instanceof ApiError && err.kind === 'conflict') {
          notify(t('conflictNotice', { name: codeName }), 'error');
          await refreshCodes();
        } else notify(err instanceof Error ? err.message : String(err), 'error');
        return null;
      }
    },
    [refreshCodes, notify, t],
  );
}
