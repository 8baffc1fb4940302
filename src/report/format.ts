// Numbers, shares, dates and lists in the report's language (1 234,5 ; 45 % ;
// 29 novembre 2026 in French), through Intl so each language follows its own rules.

import type { IsoDate, Language } from '../core/model.ts';

export interface ReportFormatter {
  number(n: number): string;
  /** A share 0..1 as a whole percentage. */
  percent(share: number): string;
  /** A calendar date or an instant, as a long date (no time, no time zone shift). */
  date(value: IsoDate | Date): string;
  /** "a, b and c" / "a, b et c". */
  list(items: readonly string[]): string;
  /** A number with two decimals (statistics). */
  decimal(n: number): string;
}

const LOCALES: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

export function reportFormatter(lang: Language): ReportFormatter {
  const locale = LOCALES[lang];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Calendar dates are days, not instants: format them in UTC so no time zone moves them.
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    number: (n) => number.format(n),
    percent: (share) => percent.format(share),
    date: (value) => date.format(typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value),
    list: (items) => list.format(items),
    // Rounding noise must not print as -0.00.
    decimal: (n) => decimal.format(Math.abs(n) < 0.005 ? 0 : n),
  };
}
