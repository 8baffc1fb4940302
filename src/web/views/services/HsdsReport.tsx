// What an HSDS import did: counts, each organisation's outcome, the departures
// from the standard the reader accepted, and what was left out (with why).
// Reasons come from the server in English; they are marked lang="en".

import type { HsdsImportReport } from '../../../exchange/hsds.ts';
import { useFormat } from '../../i18n/index.tsx';
import { useLanguage, useMessages } from '../../i18n/index.tsx';
import { servicesMessages } from './messages.ts';

export function HsdsReport({ report }: { report: HsdsImportReport }) {
  const t = useMessages(servicesMessages);
  const language = useLanguage();
  const n = useFormat().number;
  const o = report.organisations;
  const s = report.services;
  return (
    <div role="region" aria-label={t('importedTitle')} tabIndex={0} className="sv-report">
      {language !== 'en' && <p className="ui-muted">{t('detailsInEnglish')}</p>}
      <p>{t('organisationsOutcome', { created: n(o.created), updated: n(o.updated), unchanged: n(o.unchanged), skipped: n(o.skipped) })}</p>
      <p>{t('servicesOutcome', { created: n(s.created), updated: n(s.updated), unchanged: n(s.unchanged) })}</p>
      {report.outcomes.length > 0 && (
        <section>
          <h3>{t('outcomes')}</h3>
          <ul>
            {report.outcomes.map((x, i) => (
              <li key={i}>
                {x.organisation}
                {x.site && ` (${x.site})`}: <strong>{t(`outcome_${x.outcome}`)}</strong>
                {x.reason && (
                  <>
                    {' '}
                    — <span lang="en">{x.reason}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.accepted.length > 0 && (
        <section>
          <h3>{t('accepted')}</h3>
          <ul lang="en">
            {report.accepted.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t('dropped')}</h3>
        {report.dropped.length === 0 ? (
          <p>{t('nothingDropped')}</p>
        ) : (
          <ul>
            {report.dropped.map((d) => (
              <li key={`${d.what}\u0000${d.reason}`}>
                <strong lang="en">
                  {d.what} ({n(d.count)})
                </strong>{' '}
                — <span lang="en">{d.reason}</span>
                {d.examples.length > 0 && <div className="ui-muted" lang="en">{d.examples.join(', ')}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
