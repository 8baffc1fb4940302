// The REFI-QDA data-loss report, readable: what came across, what was changed
// and what was left out (each with its reason and a few examples).
// Reasons and details come from the server in English; they are marked lang="en".

import type { CSSProperties } from 'react';
import type { ExchangeReport as Report, ReportEntry } from '../../exchange/report.ts';
import { useLanguage, useMessages, type Translate } from '../i18n/index.tsx';
import { exchangeMessages } from './exchange-messages.ts';
import { useFormat } from '../i18n/index.tsx';
import type { Format } from './format.ts';

type T = Translate<typeof exchangeMessages.en>;

// Inline, so the report needs no stylesheet of its own.
const scroll: CSSProperties = { maxHeight: '60vh', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: 10 };
const heading: CSSProperties = { fontSize: '0.95rem', margin: '0 0 4px' };
const list: CSSProperties = { margin: 0, paddingInlineStart: '1.2em', display: 'flex', flexDirection: 'column', gap: 6 };
const counts: CSSProperties = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6 };

/** The label of a kind the server names ("codes", "variable values"), or the name itself. */
function whatLabel(t: T, what: string): string {
  const key = `what_${what.replace(/\W+/g, '_')}`;
  return key in exchangeMessages.en ? t(key as keyof typeof exchangeMessages.en) : what;
}

export function ExchangeReport({ report }: { report: Report }) {
  const t = useMessages(exchangeMessages);
  const language = useLanguage();
  const format = useFormat();
  const carried = Object.entries(report.counts).filter(([, n]) => n > 0);
  return (
    <div role="region" aria-label={t('reportLabel')} tabIndex={0} style={scroll}>
      {language !== 'en' && <p className="ui-muted">{t('detailsInEnglish')}</p>}
      <section>
        <h3 style={heading}>{report.direction === 'import' ? t('imported') : t('exported')}</h3>
        {carried.length === 0 ? (
          <p>{t('nothing')}</p>
        ) : (
          <ul style={counts}>
            {carried.map(([what, n]) => (
              <li key={what} className="ui-badge">
                {whatLabel(t, what)} <strong>{format.number(n)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      {report.direction === 'import' && report.origin && <p>{t('origin', { origin: report.origin })}</p>}
      {report.positions && (
        <p>
          {t('positions')} <span lang="en">{report.positions}</span>
        </p>
      )}
      {report.deviations.length > 0 && (
        <section>
          <h3 style={heading}>{t('deviations')}</h3>
          <ul style={list} lang="en">
            {report.deviations.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </section>
      )}
      {report.changed.length > 0 && (
        <section>
          <h3 style={heading}>{t('changed')}</h3>
          <Entries entries={report.changed} t={t} format={format} />
        </section>
      )}
      <section>
        <h3 style={heading}>{t('dropped')}</h3>
        {report.dropped.length === 0 ? <p>{t('nothingDropped')}</p> : <Entries entries={report.dropped} t={t} format={format} />}
      </section>
    </div>
  );
}

function Entries({ entries, t, format }: { entries: ReportEntry[]; t: T; format: Format }) {
  return (
    <ul style={list}>
      {entries.map((e) => (
        <li key={`${e.what}\u0000${e.reason}`}>
          <strong>{t('entry', { what: whatLabel(t, e.what), count: format.number(e.count) })}</strong> — <span lang="en">{e.reason}</span>
          {e.examples.length > 0 && (
            <div className="ui-muted">
              {t('examples')} <span>{e.examples.map((name) => t('example', { name })).join(', ')}</span>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
