// One labelled <select>, so every view's filter and form fields read alike and
// keep the label that names the field for screen readers (and the tests).

import type { ReactNode } from 'react';

export interface SelectChoice {
  value: string | number;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  value: string | number;
  onChange(value: string): void;
  choices?: readonly SelectChoice[];
  /** The first, empty choice ("Any coder", "None"); omitted when the field must have a value. */
  anyLabel?: string;
  /** Classes beside `ui-field`, for the view's layout. */
  className?: string;
  /** Further <option>s or <optgroup>s, after the choices. */
  children?: ReactNode;
}

export function SelectField({ label, value, onChange, choices = [], anyLabel, className, children }: SelectFieldProps) {
  return (
    <label className={className ? `ui-field ${className}` : 'ui-field'}>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
        {children}
      </select>
    </label>
  );
}
