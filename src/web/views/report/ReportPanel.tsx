// The findings report as a download: choose its format and language, then save
// the file the server writes (GET /api/projects/:id/report).

import { useState } from 'react';
import type { Language } from '../../../core/model.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { reportMessages } from './messages.ts';
import './report.css';

const FORMATS = ['html', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];
const LANGUAGES: readonly Language[] = ['en', 'fr'];

export function ReportPanel() {
  const { project, language: interfaceLanguage } = useWorkspace();
  const t = useMessages(reportMessages);
  const [format, setFormat] = useState<Format>('pdf');
  const [language, setLanguage] = useState<Language>(interfaceLanguage);
  const href = `/api/projects/${encodeURIComponent(project.id)}/report?${new URLSearchParams({ format, lang: language })}`;

  return (
    <section className="ov-card" aria-labelledby="rp-title">
      <h2 id="rp-title">{t('title')}</h2>
      <p className="ui-muted" style={{ margin: '0 0 10px' }}>
        {t('intro')}
      </p>
      <div className="rp-choices">
        <fieldset>
          <legend>{t('format')}</legend>
          {FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name="rp-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              {t(f)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('language')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l}>
              <input type="radio" name="rp-language" value={l} checked={language === l} onChange={() => setLanguage(l)} />
              {t(l)}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="rp-actions">
        <a className="ui-button is-primary" style={{ textDecoration: 'none' }} href={href} download>
          {t('download')}
        </a>
        <span className="ui-muted">{t('slow')}</span>
      </div>
    </section>
  );
}
