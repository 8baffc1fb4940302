// Swatches as a radio group (arrow keys move), plus the native picker for any colour.

import { useRef, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n/index.tsx';
import { componentMessages } from './messages.ts';
import './components.css';

/** Distinct colours that stay readable as text markers on white. */
export const DEFAULT_SWATCHES = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

export interface ColorPickerProps {
  label: string;
  value: string;
  onChange(value: string): void;
  swatches?: string[];
}

export function ColorPicker({ label, value, onChange, swatches = DEFAULT_SWATCHES }: ColorPickerProps) {
  const t = useMessages(componentMessages);
  const group = useRef<HTMLDivElement>(null);
  const current = value.toLowerCase();
  const checkedIndex = swatches.findIndex((s) => s.toLowerCase() === current);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (Math.max(checkedIndex, 0) + step + swatches.length) % swatches.length;
    onChange(swatches[next]!);
    group.current?.querySelectorAll<HTMLElement>('[role=radio]')[next]?.focus();
  };

  return (
    <fieldset className="ui-colors">
      <legend>{label}</legend>
      <div ref={group} role="radiogroup" aria-label={label} className="ui-swatches" onKeyDown={onKeyDown}>
        {swatches.map((s, i) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={i === checkedIndex}
            aria-label={t('colour', { value: s })}
            tabIndex={i === checkedIndex || (checkedIndex < 0 && i === 0) ? 0 : -1}
            className="ui-swatch"
            style={{ background: s }}
            onClick={() => onChange(s)}
          />
        ))}
      </div>
      <label className="ui-color-custom">
        <input type="color" value={/^#[0-9a-f]{6}$/.test(current) ? current : '#000000'} onChange={(e) => onChange(e.target.value)} />
        {t('customColour')}
      </label>
    </fieldset>
  );
}
