// Typed message tables, per view, in English and French: the French table must
// have every English key (the type checks it). Pure, so tests can read the labels.

import type { Language } from '../../core/model.ts';

export type MessageTable = Record<string, string>;

export interface Messages<E extends MessageTable> {
  en: E;
  fr: { [K in keyof E]: string };
}

/** Declares a view's messages; placeholders are written {name}. */
export const defineMessages = <const E extends MessageTable>(messages: Messages<E>): Messages<E> => messages;

export type Translate<E extends MessageTable> = (key: keyof E & string, values?: Record<string, string | number>) => string;

export function translate<E extends MessageTable>(messages: Messages<E>, language: Language): Translate<E> {
  return (key, values) => {
    const template = messages[language][key] ?? messages.en[key] ?? key;
    return values ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : template;
  };
}
