// The side panel: the selected coding (code, coder, quote, memos, actions), the
// codes of this document when nothing is selected, or the shortcut help.

import { useState } from 'react';
import type { CodedSegment, Memo } from '../../../core/model.ts';
import { useLanguage, useMessages } from '../../i18n/index.tsx';
import { messages } from './messages.ts';
import type { CodeLook } from './Transcript.tsx';

export interface DetailsProps {
  coding: CodedSegment;
  look: CodeLook | undefined;
  coderName: string;
  mine: boolean;
  memos: Memo[];
  authorName(id: string): string;
  /** Other codings overlapping this one, to switch to. */
  alsoHere: { coding: CodedSegment; look: CodeLook | undefined }[];
  memoOpen: boolean;
  adjusting: boolean;
  onSelect(codingId: string): void;
  onRemove(): void;
  onAdjust(): void;
  onAdjustDone(commit: boolean): void;
  onMemo(open: boolean): void;
  onSaveMemo(text: string): Promise<boolean>;
}

export function CodingDetails(props: DetailsProps) {
  const t = useMessages(messages);
  const language = useLanguage();
  const { coding, look } = props;
  const pending = coding.id.startsWith('pending-');
  return (
    <div className="cw-details">
      <h2 className="cw-details-code">
        <span className="cw-swatch" style={{ background: look?.color ?? '#888888' }} aria-hidden="true" />
        {look?.name ?? t('unknownCode')}
      </h2>
      {look && look.path !== look.name && <p className="cw-path">{look.path}</p>}
      <p className="cw-coder">
        {t('codedBy', { coder: props.coderName })}
        {props.mine && <span className="cw-badge">{t('mineBadge')}</span>}
      </p>
      <blockquote className="cw-quote">{coding.quote.exact}</blockquote>
      <p className="cw-range">{t('range', { start: coding.start, end: coding.end })}</p>
      {props.adjusting ? (
        <div className="cw-actions" role="group" aria-label={t('adjust')}>
          <p className="cw-hint">{t('adjustHint')}</p>
          <button type="button" onClick={() => props.onAdjustDone(true)}>
            {t('saveBoundaries')}
          </button>
          <button type="button" onClick={() => props.onAdjustDone(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <div className="cw-actions">
          <button type="button" onClick={props.onRemove} disabled={pending} aria-keyshortcuts="Delete">
            {t('remove')} <kbd>Del</kbd>
          </button>
          <button type="button" onClick={() => props.onMemo(true)} disabled={pending} aria-keyshortcuts="M">
            {t('memo')} <kbd>M</kbd>
          </button>
          <button type="button" onClick={props.onAdjust} disabled={pending} aria-keyshortcuts="B">
            {t('adjust')} <kbd>B</kbd>
          </button>
        </div>
      )}
      {props.memoOpen && <MemoEditor onSave={props.onSaveMemo} onClose={() => props.onMemo(false)} />}
      {props.memos.length > 0 && (
        <section className="cw-memos" aria-label={t('segmentMemos')}>
          <h3>{t('segmentMemos')}</h3>
          {props.memos.map((m) => (
            <article key={m.id} className="cw-memo">
              <p>{m.text}</p>
              <footer>
                {props.authorName(m.authorId)} · <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleDateString(language)}</time>
              </footer>
            </article>
          ))}
        </section>
      )}
      {props.alsoHere.length > 0 && (
        <section className="cw-also" aria-label={t('alsoHere')}>
          <h3>{t('alsoHere')}</h3>
          <ul>
            {props.alsoHere.map(({ coding: c, look: l }) => (
              <li key={c.id}>
                <button type="button" onClick={() => props.onSelect(c.id)}>
                  <span className="cw-swatch" style={{ background: l?.color ?? '#888888' }} aria-hidden="true" />
                  {l?.name ?? t('unknownCode')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function MemoEditor({ onSave, onClose }: { onSave(text: string): Promise<boolean>; onClose(): void }) {
  const t = useMessages(messages);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const save = () => {
    if (!text.trim() || saving) return;
    setSaving(true);
    onSave(text.trim())
      .then((ok) => (ok ? onClose() : setSaving(false)))
      .catch(() => setSaving(false));
  };
  return (
    <form
      className="cw-memo-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
    >
      <label>
        {t('memoLabel')}
        <textarea autoFocus rows={5} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('memoPlaceholder')} />
      </label>
      <div className="cw-actions">
        <button type="submit" disabled={!text.trim() || saving}>
          {t('saveMemo')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

export function Legend({
  counts,
  onJump,
}: {
  counts: { codeId: string; look: CodeLook | undefined; mine: number; total: number }[];
  onJump(codeId: string): void;
}) {
  const t = useMessages(messages);
  return (
    <div className="cw-legend">
      <h2>{t('codesHere')}</h2>
      <p className="cw-hint">{t('selectHint')}</p>
      {counts.length === 0 ? (
        <p className="cw-hint">{t('noCodings')}</p>
      ) : (
        <ul>
          {counts.map((c) => (
            <li key={c.codeId}>
              <button type="button" onClick={() => onJump(c.codeId)} title={c.look?.path}>
                <span className="cw-swatch" style={{ background: c.look?.color ?? '#888888' }} aria-hidden="true" />
                <span className="cw-legend-name">{c.look?.name ?? t('unknownCode')}</span>
                <span className="cw-count">{t('legendCount', { total: c.total, mine: c.mine })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const SHORTCUTS = [
  ['keysMove', 'helpMove'],
  ['keysWord', 'helpWord'],
  ['keysExtend', 'helpExtend'],
  ['keysLine', 'helpLine'],
  ['keysCode', 'helpCode'],
  ['keysNew', 'helpNew'],
  ['keysInVivo', 'helpInVivo'],
  ['keysNav', 'helpNav'],
  ['keysRemove', 'helpRemove'],
  ['keysMemo', 'helpMemo'],
  ['keysAdjust', 'helpAdjust'],
  ['keysUndo', 'helpUndo'],
  ['keysRedo', 'helpRedo'],
  ['keysEscape', 'helpEscape'],
  ['keysHelp', 'helpHelp'],
] as const;

export function HelpPanel({ onClose }: { onClose(): void }) {
  const t = useMessages(messages);
  return (
    <div className="cw-help" role="region" aria-labelledby="cw-help-title">
      <h2 id="cw-help-title">{t('shortcuts')}</h2>
      <dl>
        {SHORTCUTS.map(([keys, help]) => (
          <div key={keys}>
            <dt>
              <kbd>{t(keys)}</kbd>
            </dt>
            <dd>{t(help)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
