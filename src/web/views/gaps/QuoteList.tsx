// The quotes behind a cell: each passage once (however many coders coded it), with
// its participant case and site and a link to its place in the transcript.

import type { RetrievedSegment } from '../../../core/read-models.ts';
import { QuoteItem } from '../../components/QuoteItem.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { passages, readingOrder } from '../retrieval/segments.ts';
import { gapsMessages } from './messages.ts';

export function QuoteList({ segments, loading }: { segments: RetrievedSegment[] | undefined; loading: boolean }) {
  const t = useMessages(gapsMessages);
  const format = useFormat();
  if (!segments) return <p className="ui-muted" role="status">{t('loadingQuotes')}</p>;
  const list = passages(readingOrder(segments, format.compare));
  return (
    <section className="gp-quotes" aria-busy={loading}>
      <h3>{t('quotes', { count: format.number(list.length) })}</h3>
      {list.length === 0 ? (
        <p className="ui-muted">{t('noQuotes')}</p>
      ) : (
        <ol>
          {list.map(({ first }) => (
            <QuoteItem
              key={first.coding.segmentId}
              className="gp-quote"
              document={first.document}
              start={first.coding.start}
              text={first.coding.quote.exact}
              context={{ before: first.before, after: first.after }}
              openLabel={t('openLabel', { document: first.document.name })}
              openText={t('openInTranscript')}
              meta={
                <>
                  {first.case && <span>{first.case.name}</span>}
                  {first.site && <span>{first.site.name}</span>}
                </>
              }
            />
          ))}
        </ol>
      )}
    </section>
  );
}
