// The passages behind a number: each quote in its context with its document,
// case, site, code and coder, linking to the transcript at the passage. One list
// for coded segments (a cell) and one for pairs of passages (a co-occurrence).

import { useEffect, useRef, type ReactNode } from 'react';
import type { RetrievedSegment } from '../../../core/read-models.ts';
import type { PassagePair } from '../../analysis-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { QuoteItem } from '../../components/QuoteItem.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { passages, reach, readingOrder, type Passage } from '../retrieval/segments.ts';
import { matrixMessages } from './messages.ts';

interface PanelProps {
  title: string;
  loading: boolean;
  error: string | null;
  onRetry(): void;
  onClose(): void;
  count: string | null;
  empty: boolean;
  children: ReactNode;
}

/** A region that takes focus when it opens, so a keyboard user lands on the quotes. */
function QuotePanel({ title, loading, error, onRetry, onClose, count, empty, children }: PanelProps) {
  const t = useMessages(matrixMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className="an-quotes" aria-label={title} aria-busy={loading}>
      <div className="an-quotes-head">
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="ui-button is-small" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {error ? (
        <LoadState error={error} onRetry={onRetry} />
      ) : loading && !count ? (
        <p className="ui-muted" role="status">
          {t('loadingQuotes')}
        </p>
      ) : (
        <>
          <p className="an-quotes-count" role="status">
            {count}
          </p>
          {empty ? <p className="ui-muted">{t('noQuotes')}</p> : children}
        </>
      )}
    </section>
  );
}

function Quote({ passage }: { passage: Passage }) {
  const t = useMessages(matrixMessages);
  const { codes, users } = useWorkspace();
  const { first, coderIds, codeIds } = passage;
  const code = codes.find((c) => c.id === first.coding.codeId);
  const names = (ids: string[], all: { id: string; name: string }[]) => ids.map((id) => all.find((x) => x.id === id)?.name ?? id).join(', ');
  return (
    <QuoteItem
      as="div"
      className="an-quote"
      style={{ borderInlineStartColor: code?.color ?? '#8a94a6' }}
      document={first.document}
      start={first.coding.start}
      text={first.coding.quote.exact}
      context={{ before: first.before, after: first.after }}
      openLabel={t('openLabel', { document: first.document.name })}
      openText={t('open')}
      meta={
        <>
          {first.case && <span>{first.case.name}</span>}
          {first.site && <span>{first.site.name}</span>}
          <span>{t('codedWith', { code: names(codeIds, codes), coder: names(coderIds, users) })}</span>
        </>
      }
    />
  );
}

export interface SegmentQuotesProps {
  title: string;
  segments: RetrievedSegment[] | undefined;
  loading: boolean;
  error: string | null;
  onRetry(): void;
  onClose(): void;
}

/** The coded passages behind a cell, one per segment, in reading order. */
export function SegmentQuotes({ segments, ...panel }: SegmentQuotesProps) {
  const t = useMessages(matrixMessages);
  const format = useFormat();
  const list = passages(readingOrder(segments ?? [], format.compare));
  const r = reach(segments ?? []);
  const count = segments ? t('quotesCount', { passages: r.segments, documents: r.documents, cases: r.cases }) : null;
  return (
    <QuotePanel {...panel} count={count} empty={list.length === 0}>
      <ol className="an-quote-list">
        {list.map((p) => (
          <li key={p.first.coding.segmentId}>
            <Quote passage={p} />
          </li>
        ))}
      </ol>
    </QuotePanel>
  );
}

export interface PairQuotesProps extends Omit<SegmentQuotesProps, 'segments'> {
  pairs: PassagePair[] | undefined;
}

const single = (s: RetrievedSegment): Passage => ({ first: s, coderIds: [s.coding.coderId], codeIds: [s.coding.codeId] });

/** The pairs of passages behind a co-occurrence count, side by side. */
export function PairQuotes({ pairs, ...panel }: PairQuotesProps) {
  const t = useMessages(matrixMessages);
  const count = pairs ? t('pairsCount', { pairs: pairs.length, documents: new Set(pairs.map((p) => p.a.document.id)).size }) : null;
  return (
    <QuotePanel {...panel} count={count} empty={(pairs ?? []).length === 0}>
      <ol className="an-quote-list">
        {(pairs ?? []).map((p) => (
          <li key={`${p.a.coding.segmentId}-${p.b.coding.segmentId}`} className="an-pair">
            <Quote passage={single(p.a)} />
            <Quote passage={single(p.b)} />
          </li>
        ))}
      </ol>
    </QuotePanel>
  );
}
