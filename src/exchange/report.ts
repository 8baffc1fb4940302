// The data-loss report REFI-QDA (section 7) asks every importer and exporter
// for: what came through, what was changed on the way, and what was dropped and why.

export type Counts = Record<string, number>;

export interface ReportEntry {
  /** What it is about: "codes", "selections", "sets", … */
  what: string;
  count: number;
  reason: string;
  /** A few names, so a person can find them in the other tool. */
  examples: string[];
}

export interface ExchangeReport {
  direction: 'import' | 'export';
  format: 'qdpx' | 'qdc';
  /** The tool that wrote the file (import), or Crosswise (export). */
  origin: string | null;
  /** How selection positions were read, on import. */
  positions?: string;
  /** What made it across, by kind. */
  counts: Counts;
  /** Harmless departures from the REFI-QDA schema that the lenient reader accepted. */
  deviations: string[];
  changed: ReportEntry[];
  dropped: ReportEntry[];
}

const MAX_EXAMPLES = 5;

/** Collects entries, merging those with the same subject and reason. */
export class ReportBuilder {
  readonly counts: Counts = {};
  private readonly changedEntries = new Map<string, ReportEntry>();
  private readonly droppedEntries = new Map<string, ReportEntry>();

  count(what: string, n = 1): void {
    this.counts[what] = (this.counts[what] ?? 0) + n;
  }

  changed(what: string, reason: string, example?: string, n = 1): void {
    add(this.changedEntries, what, reason, example, n);
  }

  dropped(what: string, reason: string, example?: string, n = 1): void {
    add(this.droppedEntries, what, reason, example, n);
  }

  build(head: Omit<ExchangeReport, 'counts' | 'changed' | 'dropped' | 'deviations'>, deviations: string[] = []): ExchangeReport {
    return { ...head, counts: { ...this.counts }, deviations, changed: [...this.changedEntries.values()], dropped: [...this.droppedEntries.values()] };
  }
}

function add(entries: Map<string, ReportEntry>, what: string, reason: string, example: string | undefined, n: number): void {
  if (n <= 0) return;
  const key = `${what}\u0000${reason}`;
  const entry = entries.get(key) ?? { what, count: 0, reason, examples: [] };
  entry.count += n;
  if (example && entry.examples.length < MAX_EXAMPLES && !entry.examples.includes(example)) entry.examples.push(example);
  entries.set(key, entry);
}

/** The report as lines for a terminal. */
export function renderReport(r: ExchangeReport): string {
  const counts = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const line = (e: ReportEntry) =>
    `  ${e.count} ${e.what}: ${e.reason}${e.examples.length ? ` (e.g. ${e.examples.map((x) => `"${x}"`).join(', ')})` : ''}`;
  return [
    `${r.direction === 'import' ? 'imported' : 'exported'}: ${counts || 'nothing'}`,
    ...(r.origin ? [`origin: ${r.origin}`] : []),
    ...(r.positions ? [`positions: ${r.positions}`] : []),
    ...(r.deviations.length ? ['accepted although not as the schema says:', ...r.deviations.map((d) => `  ${d}`)] : []),
    ...(r.changed.length ? ['changed:', ...r.changed.map(line)] : []),
    ...(r.dropped.length ? ['dropped:', ...r.dropped.map(line)] : ['dropped: nothing']),
  ].join('\n');
}
