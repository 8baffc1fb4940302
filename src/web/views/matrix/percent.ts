// A share of cases as the analyst reads it: "38 %" / « 38 % », or a dash when the
// column has no coded case to divide by.

const formats = new Map<string, Intl.NumberFormat>();

export function percentText(share: number | null, locale: string): string {
  if (share === null) return '–';
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })));
  return f.format(share);
}
