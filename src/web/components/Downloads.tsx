// Download links for an analysis's table (CSV, XLSX) and chart (SVG, PNG), shared by
// the analysis views: plain links, so the browser saves the file the server answers.

import type { DownloadFormat } from '../analysis-api.ts';
import { useMessages } from '../i18n/index.tsx';
import { downloadMessages } from './download-messages.ts';
import './components.css';

export interface DownloadLink {
  format: DownloadFormat;
  href: string;
  /** What the file holds: the table, the chart, the pairs. */
  what: 'table' | 'chart' | 'pairsTable';
}

export function Downloads({ links }: { links: DownloadLink[] }) {
  const t = useMessages(downloadMessages);
  return (
    <div className="ui-downloads" role="group" aria-label={t('download')}>
      <span aria-hidden="true">{t('download')}:</span>
      {links.map((l) => (
        <a key={`${l.what}-${l.format}`} className="ui-button is-small" href={l.href} download aria-label={t('downloadAs', { what: t(l.what), format: l.format.toUpperCase() })}>
          {l.what === 'pairsTable' ? `${t('pairs')} ` : ''}
          {l.format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
