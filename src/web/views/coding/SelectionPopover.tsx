// What can be done with a text selection: apply a code (type-ahead over codable
// codes), create a new code from it, or code it in vivo. Opened by the mouse it
// is a small toolbar; opened with C or N it takes the focus, and Escape hands it
// back to the transcript.

import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Code } from '../../../core/model.ts';
import { useMessages } from '../../i18n/index.tsx';
import { searchCodes, type CodeEntry } from './code-search.ts';
import { messages } from './messages.ts';

export type PopoverMode = 'actions' | 'pick' | 'new';

export interface PopoverProps {
  mode: PopoverMode;
  position: { top: number; left: number };
  entries: CodeEntry[];
  recent: string[];
  inVivo: string;
  onMode(mode: PopoverMode): void;
  onApply(code: Code): void;
  onCreate(name: string, parentId: string | null): void;
  onInVivo(): void;
  onClose(): void;
}

export function SelectionPopover(props: PopoverProps) {
  const t = useMessages(messages);
  return (
    <div
      className={`cw-popover cw-popover-${props.mode}`}
      style={{ top: props.position.top, left: props.position.left }}
      role={props.mode === 'actions' ? 'toolbar' : 'dialog'}
      aria-label={t(props.mode === 'new' ? 'newCodeTitle' : props.mode === 'pick' ? 'pickTitle' : 'selectionActions')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      {props.mode === 'actions' && (
        <>
          <button type="button" onClick={() => props.onMode('pick')} aria-keyshortcuts="C">
            {t('applyCode')} <kbd>C</kbd>
          </button>
          <button type="button" onClick={() => props.onMode('new')} aria-keyshortcuts="N">
            {t('newCode')} <kbd>N</kbd>
          </button>
          <button type="button" onClick={props.onInVivo} aria-keyshortcuts="V" title={t('inVivoAs', { name: props.inVivo })} disabled={!props.inVivo}>
            {t('inVivo')} <kbd>V</kbd>
          </button>
        </>
      )}
      {props.mode === 'pick' && <CodePicker entries={props.entries} recent={props.recent} onApply={props.onApply} />}
      {props.mode === 'new' && <NewCodeForm entries={props.entries} onCreate={props.onCreate} />}
    </div>
  );
}

function CodePicker({ entries, recent, onApply }: { entries: CodeEntry[]; recent: string[]; onApply(code: Code): void }) {
  const t = useMessages(messages);
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchCodes(entries, query, recent), [entries, query, recent]);
  const current = results[Math.min(active, results.length - 1)];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (Math.min(a, results.length - 1) + step + results.length) % Math.max(1, results.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) onApply(current.code);
    }
  };
  return (
    <>
      <input
        autoFocus
        className="cw-picker-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={current ? `${id}-${current.code.id}` : undefined}
        aria-label={t('searchCodes')}
        placeholder={t('searchCodes')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="cw-picker-list" id={`${id}-list`} role="listbox" aria-label={t('codes')}>
        {results.map((e) => (
          <li
            key={e.code.id}
            id={`${id}-${e.code.id}`}
            role="option"
            aria-selected={e === current}
            className={e === current ? 'cw-active' : undefined}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => onApply(e.code)}
          >
            <span className="cw-swatch" style={{ background: e.code.color }} aria-hidden="true" />
            <span className="cw-picker-name">{e.code.name}</span>
            {e.path !== e.code.name && <span className="cw-picker-path">{e.path.slice(0, -e.code.name.length - 3)}</span>}
          </li>
        ))}
        {results.length === 0 && <li className="cw-picker-empty">{t('noCodeMatches')}</li>}
      </ul>
    </>
  );
}

function NewCodeForm({ entries, onCreate }: { entries: CodeEntry[]; onCreate(name: string, parentId: string | null): void }) {
  const t = useMessages(messages);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  return (
    <form
      className="cw-new-code"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onCreate(name.trim(), parentId || null);
      }}
    >
      <label>
        {t('codeName')}
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
      </label>
      <label>
        {t('under')}
        <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('topLevel')}</option>
          {entries.map((e) => (
            <option key={e.code.id} value={e.code.id}>
              {`${'\u2003'.repeat(e.depth)}${e.code.name}`}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!name.trim()}>
        {t('createAndApply')}
      </button>
    </form>
  );
}
