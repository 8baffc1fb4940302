// Numbers and dates in the interface language, through Intl.

import type { Language } from '../../core/model.ts';

const LOCALES: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

export interface Format {
  locale: string;
  number(n: number): string;
  /** A calendar date or timestamp as a date, e.g. "Jan 18, 2005" / « 18 janv. 2005 ». */
  date(iso: string): string;
  dateTime(iso: string): string;
  compare(a: string, b: string): number;
  /** A language's name in the interface language: "French", « français ». */
  languageName(code: string): string;
}

export function makeFormat(language: Language): Format {
  const locale = LOCALES[language];
  const number = new Intl.NumberFormat(locale);
  // Calendar dates (no time) are read as UTC so they never slip a day.
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const localDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  return {
    locale,
    number: (n) => number.format(n),
    date: (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? date : localDate).format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    compare: collator.compare,
    languageName: (code) => languages.of(code) ?? code,
  };
}
