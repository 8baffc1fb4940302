// CSV for spreadsheets: RFC 4180 quoting, a UTF-8 byte-order mark so Excel reads
// accents, the separator and decimal mark of the interface language, and string
// cells that could run as formulas defused.

import type { AgreementReport, AgreementStatistics } from '../../../analysis/agreement.ts';
import type { Result } from '../../../core/stats/result.ts';

export type CsvValue = string | number | null;

export interface CsvStyle {
  separator: ',' | ';';
  decimal: '.' | ',';
}

export const BOM = '\uFEFF';

/** The CSV conventions a spreadsheet in this language expects: French uses a decimal comma, hence ';'. */
export const csvStyleFor = (language: 'en' | 'fr'): CsvStyle => (language === 'fr' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' });

/** One field, quoted when it holds the separator, a quote or a line break. */
export function csvField(value: CsvValue, style: CsvStyle): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value).replace('.', style.decimal) : value;
  // A text cell starting like a formula would run in Excel; a leading apostrophe keeps it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(style.separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends and the byte-order mark. */
export function toCsv(rows: readonly (readonly CsvValue[])[], style: CsvStyle): string {
  return BOM + rows.map((row) => row.map((v) => csvField(v, style)).join(style.separator)).join('\r\n') + '\r\n';
}

export interface CsvLabels {
  code: string;
  percent: string;
  kappa: string;
  alpha: string;
  unitizingAlpha: string;
  units: string;
  codedBy(coder: string): string;
  disagreements: string;
  undefinedBecause: string;
  overall: string;
  codeName(codeId: string, path: string): string;
  /** "Cohen’s κ: no variation…" in the language's punctuation. */
  undefinedAs(statistic: string, reason: string): string;
  reasonSeparator: string;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The agreement table as CSV rows: a header, one row per code, then the overall row. */
export function agreementRows(report: AgreementReport, labels: CsvLabels): CsvValue[][] {
  const character = report.unit === 'character';
  const counts = new Map<string, number>();
  for (const d of report.disagreements) counts.set(d.codeId, (counts.get(d.codeId) ?? 0) + 1);
  const header: CsvValue[] = [
    labels.code,
    labels.percent,
    labels.kappa,
    labels.alpha,
    ...(character ? [labels.unitizingAlpha] : []),
    labels.units,
    ...report.coders.map((c) => labels.codedBy(c.name)),
    labels.disagreements,
    labels.undefinedBecause,
  ];
  const row = (name: string, s: AgreementStatistics, alphaU: Result<{ defined: true; value: number }> | null, disagreements: number): CsvValue[] => {
    const reasons: string[] = [];
    const value = (r: Result<{ defined: true; value: number }> | null, label: string, scale = 1, digits = 4): CsvValue => {
      if (!r) return null;
      if (r.defined) return round(r.value * scale, digits);
      reasons.push(labels.undefinedAs(label, r.reason));
      return null;
    };
    const cells: CsvValue[] = [
      name,
      value(s.percentAgreement, labels.percent, 100, 2),
      value(s.cohenKappa ?? s.fleissKappa, labels.kappa),
      value(s.krippendorffAlpha, labels.alpha),
      ...(character ? [value(alphaU, labels.unitizingAlpha)] : []),
      s.units,
      ...report.coders.map((c) => s.codedBy.find((b) => b.coderId === c.id)?.units ?? 0),
      disagreements,
    ];
    return [...cells, reasons.join(labels.reasonSeparator) || null];
  };
  return [
    header,
    ...report.codes.map((c) => row(labels.codeName(c.codeId, c.code), c, c.unitizingAlpha, counts.get(c.codeId) ?? 0)),
    row(labels.overall, report.overall, null, report.disagreements.length),
  ];
}
