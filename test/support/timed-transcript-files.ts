// Generators of WebVTT, SubRip and CSV transcripts for tests and benchmarks.
// All text is invented.

export interface FileOptions {
  bom?: boolean;
  crlf?: boolean;
}

export interface TestCue {
  startMs: number;
  endMs: number;
  /** Cue text as written in the file (markup included); "\n" separates lines. */
  text: string;
  /** SubRip: leave out the sequence number. */
  unnumbered?: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 3723004 → "01:02:03.004" (or with "," for SubRip). */
export function clock(ms: number, separator: '.' | ',' = '.'): string {
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}${separator}${pad(ms % 1000, 3)}`;
}

function encode(lines: readonly string[], options: FileOptions): Uint8Array {
  const lf = lines.join('\n');
  const text = options.crlf ? lf.replace(/\n/g, '\r\n') : lf;
  return new TextEncoder().encode((options.bom ? '\ufeff' : '') + text);
}

/** A WebVTT file; `blocks` are extra raw blocks (NOTE, STYLE…) placed before the cues. */
export function vttFile(cues: readonly TestCue[], options: FileOptions & { header?: string; blocks?: string[] } = {}): Uint8Array {
  const lines = [options.header ?? 'WEBVTT', ''];
  for (const block of options.blocks ?? []) lines.push(block, '');
  cues.forEach((cue, i) => lines.push(`cue-${i + 1}`, `${clock(cue.startMs)} --> ${clock(cue.endMs)} line:0 position:20%`, cue.text, ''));
  return encode(lines, options);
}

export function srtFile(cues: readonly TestCue[], options: FileOptions = {}): Uint8Array {
  const lines: string[] = [];
  cues.forEach((cue, i) => {
    if (!cue.unnumbered) lines.push(String(i + 1));
    lines.push(`${clock(cue.startMs, ',')} --> ${clock(cue.endMs, ',')}`, cue.text, '');
  });
  return encode(lines, options);
}

/** RFC 4180 quoting where needed. */
export function csvFile(rows: readonly (readonly string[])[], options: FileOptions & { delimiter?: string } = {}): Uint8Array {
  const delimiter = options.delimiter ?? ',';
  const quote = (field: string) =>
    field.includes('"') || field.includes(delimiter) || /[\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  const text = rows.map((row) => row.map(quote).join(delimiter)).join(options.crlf ? '\r\n' : '\n');
  return new TextEncoder().encode((options.bom ? '\ufeff' : '') + text + (options.crlf ? '\r\n' : '\n'));
}

const SPEAKERS = ['Interviewer', 'Amélie Durand', 'Jürgen'];
const SENTENCES = [
  'On a commencé à la coopérative en 2019, déjà 😀',
  'Could you say more about the <i>first</i> year?',
  'Ça dépend des saisons, honnêtement.',
  'Yes & no: the café was the hub.',
];

/** `turns` speaker turns of two cues each, with voice spans: for benchmarks and scale tests. */
export function largeVtt(turns: number): Uint8Array {
  const cues: TestCue[] = [];
  for (let t = 0; t < turns; t++) {
    const voice = SPEAKERS[t % SPEAKERS.length]!;
    for (let c = 0; c < 2; c++) {
      const startMs = (t * 2 + c) * 2000;
      const words = SENTENCES[(t + c) % SENTENCES.length]!.replace('&', '&amp;').replace(/<\/?i>/g, '');
      cues.push({ startMs, endMs: startMs + 1900, text: `<v ${voice}>${words}</v>` });
    }
  }
  return vttFile(cues);
}

export function largeSrt(turns: number): Uint8Array {
  const cues: TestCue[] = [];
  for (let t = 0; t < turns; t++) {
    const label = `SPEAKER ${(t % 3) + 1}: `;
    const startMs = t * 3000;
    cues.push({ startMs, endMs: startMs + 2900, text: `${label}${SENTENCES[t % SENTENCES.length]!}\nsecond line` });
  }
  return srtFile(cues, { crlf: true });
}

export function largeCsv(turns: number): Uint8Array {
  const rows: string[][] = [['speaker', 'start', 'text']];
  for (let t = 0; t < turns; t++) rows.push([SPEAKERS[t % SPEAKERS.length]!, clock(t * 2500), SENTENCES[t % SENTENCES.length]!]);
  return csvFile(rows);
}
