// A type-ahead picker (ARIA 1.2 combobox with a listbox): type to narrow the
// options (accent-insensitive), arrows to move, Enter to pick, Escape to close.

import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';
import { matchesQuery } from './text.ts';
import './components.css';

export interface ComboOption {
  id: string;
  label: string;
  /** Shown after the label, smaller (a path, a count); also searched. */
  detail?: string;
  /** Indent when the list is shown unfiltered (tree order). */
  depth?: number;
  disabled?: boolean;
  /** A small colour mark before the label. */
  color?: string;
}

export interface ComboboxProps {
  label: string;
  options: ComboOption[];
  value: string | null;
  onChange(id: string): void;
  placeholder?: string;
  /** Label for screen readers only. */
  hideLabel?: boolean;
  autoFocus?: boolean;
}

export function Combobox({ label, options, value, onChange, placeholder, hideLabel, autoFocus }: ComboboxProps) {
  const t = useMessages(componentMessages);
  const id = useId();
  const listId = `${id}-list`;
  const selected = options.find((o) => o.id === value) ?? null;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);

  const shown = useMemo(() => (query ? options.filter((o) => matchesQuery(query, o.label, o.detail ?? '')) : options), [options, query]);

  /** The nearest enabled option from `from` in direction `step`, or `fallback`. */
  const enabledFrom = (from: number, step: 1 | -1, fallback: number) => {
    for (let i = from; i >= 0 && i < shown.length; i += step) if (!shown[i]!.disabled) return i;
    return fallback;
  };
  // The highlighted option: the one moved to, else the first that can be picked.
  const current = shown[active] && !shown[active].disabled ? active : enabledFrom(0, 1, -1);
  const moveTo = (index: number) => {
    setActive(index);
    list.current?.children[index]?.scrollIntoView({ block: 'nearest' });
  };
  const pick = (option: ComboOption | undefined) => {
    if (!option || option.disabled) return;
    onChange(option.id);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else moveTo(enabledFrom(current + 1, 1, current));
        break;
      case 'ArrowUp':
        e.preventDefault();
        moveTo(enabledFrom(current - 1, -1, current));
        break;
      case 'Enter':
        if (open) {
          e.preventDefault();
          pick(shown[current]);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setQuery(null);
        }
        break;
    }
  };

  const activeOption = open ? shown[current] : undefined;
  return (
    <div className="ui-combo">
      <label htmlFor={id} className={hideLabel ? 'ui-visually-hidden' : 'ui-label'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        autoFocus={autoFocus}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${id}-${activeOption.id}` : undefined}
        placeholder={placeholder}
        value={query ?? selected?.label ?? ''}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={list} id={listId} role="listbox" aria-label={label} className="ui-combo-list" hidden={!open}>
        {shown.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-${o.id}`}
            role="option"
            aria-selected={o.id === value}
            aria-disabled={o.disabled || undefined}
            className={`ui-combo-option${i === current ? ' is-active' : ''}`}
            style={{ paddingInlineStart: `${0.5 + (query ? 0 : (o.depth ?? 0)) * 1}rem` }}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && !o.disabled && setActive(i)}
            onClick={() => pick(o)}
          >
            {o.color && <span className="ui-dot" style={{ background: o.color }} aria-hidden="true" />}
            <span>{o.label}</span>
            {o.detail && <span className="ui-combo-detail">{o.detail}</span>}
          </li>
        ))}
        {shown.length === 0 && (
          <li className="ui-combo-empty" role="presentation">
            {t('noMatches')}
          </li>
        )}
      </ul>
    </div>
  );
}
