// Typed message tables, per view, in English and French: the French table must
// have every English key (the type checks it). Pure, so tests can read the labels.

import type { Language } from '../../core/model.ts';
import { makeFormat } from '../components/format.ts';

export type MessageTable = Record<string, string>;

export interface Messages<E extends MessageTable> {
  en: E;
  fr: { [K in keyof E]: string };
}

/**
 * Declares a view's messages; placeholders are written {name}. A count that names
 * what it counts is written {name, plural, one {# passage} other {# passages}}: the
 * value must be a number, # is that number in the interface language's format.
 */
export const defineMessages = <const E extends MessageTable>(messages: Messages<E>): Messages<E> => messages;

export type Translate<E extends MessageTable> = (key: keyof E & string, values?: Record<string, string | number>) => string;

export type PluralForm = 'one' | 'other';

/** The CLDR plural category of a count: English "one" for 1 only; French "one" for 0 and 1. */
export function pluralForm(language: Language, count: number): PluralForm {
  if (language === 'fr') return Math.abs(count) < 2 ? 'one' : 'other';
  return count === 1 ? 'one' : 'other';
}

const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

export function translate<E extends MessageTable>(messages: Messages<E>, language: Language): Translate<E> {
  let number: ((n: number) => string) | undefined;
  const plural = (value: string | number | undefined, one: string, other: string) => {
    // A count given already formatted cannot choose its form: it reads as "other".
    if (typeof value !== 'number') return other.replace(/#/g, String(value ?? '#'));
    number ??= makeFormat(language).number;
    return (pluralForm(language, value) === 'one' ? one : other).replace(/#/g, number(value));
  };
  return (key, values) => {
    const template = messages[language][key] ?? messages.en[key] ?? key;
    if (!values) return template;
    return template
      .replace(PLURAL, (_, name: string, one: string, other: string) => plural(values[name], one, other))
      .replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}
