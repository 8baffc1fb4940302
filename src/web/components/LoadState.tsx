import { useMessages } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';

/** What a panel shows while its data loads, or when loading failed (with a retry). */
export function LoadState({ error, onRetry }: { error: string | null; onRetry: () => void }) {
  const t = useMessages(componentMessages);
  if (!error) return <p className="ui-muted" role="status">{t('loading')}</p>;
  return (
    <p className="ui-error" role="alert">
      {t('loadFailed', { message: error })}{' '}
      <button type="button" className="ui-button" onClick={onRetry}>
        {t('retry')}
      </button>
    </p>
  );
}
