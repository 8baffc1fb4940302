// One passage with its document, case and site, linking to its place in the
// transcript: the quote every analysis view lists, so they read and link alike.

import type { CSSProperties, ReactNode } from 'react';
import { href } from '../router.ts';
import './components.css';

export interface QuoteItemProps {
  /** A list item, or a block inside one (a pair of passages). */
  as?: 'li' | 'div';
  /** The view's class for the item (its border, spacing). */
  className: string;
  style?: CSSProperties;
  document: { id: string; name: string };
  /** Where the passage starts (code points), for the link. */
  start: number;
  text: string;
  /** The text around the passage; given, the passage is marked within it. */
  context?: { before: string; after: string };
  markStyle?: CSSProperties;
  /** Beside the document's name: case, site, coders, codes. */
  meta?: ReactNode;
  /** The document link's accessible name ("Open … at this passage"). */
  openLabel: string;
  /** The link under the passage ("Open in transcript"). */
  openText: string;
  /** Actions after the link. */
  children?: ReactNode;
}

export function QuoteItem({ as: Root = 'li', className, style, document, start, text, context, markStyle, meta, openLabel, openText, children }: QuoteItemProps) {
  const at = href({ view: 'coding', documentId: document.id, at: start });
  return (
    <Root className={`ui-quote ${className}`} style={style}>
      <div className="ui-quote-meta">
        <a href={at} className="ui-quote-doc" aria-label={openLabel}>
          {document.name}
        </a>
        {meta}
      </div>
      <blockquote className="ui-quote-text">
        {context ? (
          <p>
            {context.before && <span className="ui-quote-context">…{context.before}</span>}
            <mark style={markStyle}>{text}</mark>
            {context.after && <span className="ui-quote-context">{context.after}…</span>}
          </p>
        ) : (
          <p>{text}</p>
        )}
      </blockquote>
      <a href={at} className="ui-quote-open">
        {openText} <span aria-hidden="true">→</span>
      </a>
      {children}
    </Root>
  );
}
