// The coder, site and case-attribute filters the analysis views share: one place
// lists their choices, so every view offers the same ones in the same order.

import { useMemo } from 'react';
import type { AttributeDefinition, Case, CaseKind, User } from '../../core/model.ts';
import { useFormat, useMessages } from '../i18n/index.tsx';
import { attributeChoices, attributeKey, sitesOf } from './case-choices.ts';
import { componentMessages } from './messages.ts';
import { SelectField } from './SelectField.tsx';

interface FilterProps {
  label: string;
  /** The empty choice: no filter. */
  anyLabel: string;
  value: string;
  onChange(value: string): void;
  className?: string;
}

export function CoderSelect({ users, ...field }: FilterProps & { users: readonly User[] }) {
  const choices = useMemo(() => users.map((u) => ({ value: u.id, label: u.name })), [users]);
  return <SelectField {...field} choices={choices} />;
}

export function SiteSelect({ cases, ...field }: FilterProps & { cases: readonly Case[] }) {
  const format = useFormat();
  const choices = useMemo(() => sitesOf(cases, format.compare).map((s) => ({ value: s.id, label: s.name })), [cases, format]);
  return <SelectField {...field} choices={choices} />;
}

/** A case attribute's value, as "name=value", grouped by attribute; `kind` keeps one kind of case's attributes. */
export function AttributeSelect({ cases, attributes, kind, ...field }: FilterProps & { cases: readonly Case[]; attributes: readonly AttributeDefinition[]; kind?: CaseKind }) {
  const format = useFormat();
  const t = useMessages(componentMessages);
  const groups = useMemo(() => attributeChoices(attributes, cases, format.compare, kind), [attributes, cases, format, kind]);
  return (
    <SelectField {...field}>
      {groups.map((g) => (
        <optgroup key={g.attribute.name} label={g.attribute.name}>
          {g.values.map((v) => (
            <option key={String(v)} value={attributeKey(g.attribute.name, v)}>
              {typeof v === 'boolean' ? `${g.attribute.name}: ${v ? t('yes') : t('no')}` : typeof v === 'number' ? format.number(v) : v}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
