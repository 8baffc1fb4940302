// Disagreements grouped per code: each one a button that shows it in the coder
// columns (arrow keys move through the list) and a link to the coding view.

import { useId, type KeyboardEvent } from 'react';
import type { Disagreement } from '../../../analysis/agreement.ts';
import { href } from '../../router.ts';
import { disagreementKey, type CodeGroup } from './disagreements.ts';
import type { AgreementText } from './useAgreementText.ts';

export interface DisagreementListProps {
  groups: readonly CodeGroup[];
  currentKey: string | null;
  onPick(d: Disagreement): void;
  /** Across documents: name the document instead of quoting the text. */
  quote: ((d: Disagreement) => string) | null;
  /** Where the coding view opens for a disagreement (code points). */
  openAt(d: Disagreement): number;
  colour(codeId: string): string;
  coderName(id: string): string;
  wholeDocument: boolean;
  headingId: string;
  /** When this document has none: the other documents that have some, to go to. */
  elsewhere: readonly { id: string; name: string; count: number }[];
  say: AgreementText;
}

const ITEM = 'ag-item';

/** Up/Down/Home/End move the focus between the list's items. */
function moveFocus(e: KeyboardEvent<HTMLElement>) {
  const target = e.target as HTMLElement;
  if (!target.classList.contains(ITEM)) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(`.${ITEM}`)];
  const at = items.indexOf(target);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  items[Math.max(0, Math.min(items.length - 1, next))]?.focus();
}

export function DisagreementList({ groups, currentKey, onPick, quote, openAt, colour, coderName, wholeDocument, headingId, elsewhere, say }: DisagreementListProps) {
  const { t, format, list } = say;
  const id = useId();
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <div className="ag-list" onKeyDown={moveFocus}>
      <h3 id={headingId} tabIndex={-1}>
        {t('disagreementsHeading', { count: format.number(count) })}
      </h3>
      <p id={`${id}-keys`} className="ui-visually-hidden">
        {t('listKeys')}
      </p>
      {count === 0 && <p className="ui-muted">{t('noDisagreements')}</p>}
      {count === 0 && elsewhere.length > 0 && (
        <>
          <p className="ag-elsewhere">{t('elsewhere')}</p>
          <ul className="ag-elsewhere-list">
            {elsewhere.map((d) => (
              <li key={d.id}>
                <a href={href({ view: 'agreement', documentId: d.id })}>{d.name}</a> <span className="ui-badge">{format.number(d.count)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {groups.map((g, gi) => (
        <section key={g.codeId} className="ag-group" aria-labelledby={`${id}-${gi}`}>
          <h4 id={`${id}-${gi}`} className="ag-group-head">
            <span className="ui-dot" style={{ background: colour(g.codeId) }} aria-hidden="true" />
            <span>{g.label}</span>
            <span className="ui-badge">{format.number(g.items.length)}</span>
          </h4>
          <ul>
            {g.items.map((d) => {
              const key = disagreementKey(d);
              const isCurrent = key === currentKey;
              return (
                <li key={key} className={isCurrent ? 'is-current' : undefined}>
                  <button type="button" className={ITEM} aria-current={isCurrent || undefined} aria-describedby={`${id}-keys`} onClick={() => onPick(d)}>
                    <span className="ag-item-who">{t('codedByNotBy', { codedBy: list(d.codedBy.map(coderName)), notCodedBy: list(d.notCodedBy.map(coderName)) })}</span>
                    <span className="ag-item-text">
                      {!quote ? t('where', { document: d.document, start: format.number(d.start) }) : wholeDocument ? t('wholeDocument') : t('quoted', { text: quote(d) })}
                    </span>
                  </button>
                  <a className="ag-item-open" href={href({ view: 'coding', documentId: d.documentId, at: openAt(d) })} aria-label={t('openInCodingLabel', { document: d.document })}>
                    {t('openInCoding')} <span aria-hidden="true">→</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
