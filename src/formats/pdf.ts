// PDF to plain text with pdf.js (pdfjs-dist, legacy build for Node).
//
// Where the parsing runs: pdf.js splits into an API (main thread) and a
// "worker" that parses. In Node it would otherwise run that worker in the main
// thread as a "fake worker", whose work is a chain of microtasks: a timer
// cannot interrupt it, so a pathological file could hold the process for as long
// as it likes. Here the pdf.js worker runs in a real worker thread instead,
// connected through a MessageChannel. A timeout terminates that thread, which
// stops any parsing at once; the thread also has a heap limit, so a
// decompression bomb ends the thread rather than the process. The thread's
// console is silenced and pdf.js runs at verbosity 0 on both sides, so it never
// prints. Finished threads are kept (unreferenced, so they do
// not keep the process alive) and reused, so a batch of PDFs pays the start-up
// of pdf.js once. pdf.js itself is loaded on the first extraction only.
//
// pdf.js is told to evaluate nothing (isEvalSupported: false), load no fonts
// into the page or the system (disableFontFace, useSystemFonts: false) and fetch
// nothing (the bytes are given; no URLs for CMaps, fonts or Wasm). It reads on
// past errors in page content (stopAtErrors: false, its default) so a partly
// damaged page still gives the text that can be read.
//
// Text layout, page by page, from the text items pdf.js reports:
// - A line ends where pdf.js marks an end of line (hasEOL), or where the next
//   item sits more than 0.6 of the font size off the line (measured across the
//   text direction, so rotated text works too).
// - Lines are separated by "\n"; a blank line ("\n\n") marks a paragraph where the
//   gap to the previous line, in units of the line's font size, is more than
//   PARAGRAPH_GAP times the document's usual line spacing (the 10th percentile
//   of all its gaps: robust to documents whose paragraphs are mostly one line).
// - Pages are separated by "\n\n"; `pages` gives each page's range in code
//   points of the final text. A page without text gets an empty range where it
//   falls, and a warning.
// - The ligature characters ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ become ff fi fl ffi ffl st st (only
//   these: the rest of the text is not normalised).
// - Hyphenation: a line ending in a letter and "-" (or U+2010) is joined to the
//   next line of the same paragraph, dropping the hyphen, when that line starts
//   with a lowercase letter: "inter-" + "national" → "international". A real
//   hyphen at a line end ("short-" + "term") is joined the same way
//   ("shortterm"): no rule can tell them apart without a dictionary, and
//   hyphenation is the common case. A soft hyphen (U+00AD) at a line end always
//   joins. Nothing is joined across a paragraph or page break, and "word -" (a
//   dash after a space) is never joined.

import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFWorkerParameters, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { CrosswiseError } from '../core/errors.ts';
import { codePointLength } from '../core/text/offsets.ts';
import { unreadable, type Extracted, type Extractor, type Limits, type PageRange } from './types.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** A blank line where a line gap exceeds this many times the usual line spacing. */
const PARAGRAPH_GAP = 1.4;
/** An item this far (in font sizes) across the line direction starts a new line. */
const LINE_SHIFT = 0.6;
/** Heap of one parsing thread: far above what text extraction needs, far below the machine. */
const THREAD_HEAP_MB = 2048;
/** Parsing threads kept for reuse between files. */
const MAX_IDLE_THREADS = 2;
/** Files one thread parses before it is replaced: what pdf.js keeps between files then never adds up. */
const FILES_PER_THREAD = 25;
/** Page numbers listed in the "no text" warning. */
const MAX_LISTED_PAGES = 10;

// ------------------------------------------------------------ text fixes

const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};
const LIGATURE = /[\ufb00-\ufb06]/g;

/** Spells out the Latin ligature characters; nothing else changes. */
export function replaceLigatures(text: string): string {
  return text.replace(LIGATURE, (ch) => LIGATURES[ch]!);
}

const HARD_HYPHEN_END = /\p{L}[-\u2010]$/u;
const SOFT_HYPHEN_END = /\p{L}\u00ad$/u;
const LOWERCASE_START = /^\p{Ll}/u;
const LETTER_START = /^\p{L}/u;

/** The lines of one paragraph, joined with "\n" except across a hyphenated word break (see the file comment). */
export function joinParagraphLines(lines: readonly string[]): string {
  let out = lines[0] ?? '';
  for (const next of lines.slice(1)) {
    const joins =
      (HARD_HYPHEN_END.test(out) && LOWERCASE_START.test(next)) || (SOFT_HYPHEN_END.test(out) && LETTER_START.test(next));
    out = joins ? out.slice(0, -1) + next : `${out}\n${next}`;
  }
  return out;
}

// ------------------------------------------------------------ layout

/** The parts of a pdf.js text item that layout reads. */
export type LayoutItem = Pick<TextItem, 'str' | 'hasEOL' | 'transform'>;

export interface Line {
  text: string;
  /** Origin of the line's first visible item. */
  x: number;
  y: number;
  /** Unit vector across the text direction, pointing up for ordinary text. */
  nx: number;
  ny: number;
  /** Font size in user space (0 when unknown). */
  size: number;
}

type Anchor = Omit<Line, 'text'>;

function anchorOf(item: LayoutItem): Anchor {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform.map(Number);
  const along = Math.hypot(a, b);
  const [nx, ny] = along > 0 ? [-b / along, a / along] : [0, 1];
  return { x: e, y: f, nx, ny, size: Math.hypot(c, d) };
}

/** How far `to` lies below `from` (in the direction lines advance), in user-space units. */
const drop = (from: Anchor, to: Anchor) => (from.x - to.x) * from.nx + (from.y - to.y) * from.ny;

/** One page's text items to lines (whitespace-only lines are dropped, ligatures spelled out). */
export function pageLines(items: readonly LayoutItem[]): Line[] {
  const lines: Line[] = [];
  let parts: string[] = [];
  let anchor: Anchor | undefined;
  const flush = () => {
    const text = replaceLigatures(parts.join('')).trim();
    if (text !== '' && anchor) lines.push({ text, ...anchor });
    parts = [];
    anchor = undefined;
  };
  for (const item of items) {
    if (item.str !== '') {
      const here = anchorOf(item);
      if (anchor && Math.abs(drop(anchor, here)) > LINE_SHIFT * Math.max(anchor.size, here.size)) flush();
      if (!anchor && item.str.trim() !== '') anchor = here;
      parts.push(item.str);
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** Gap between two consecutive lines in font sizes of the second, or undefined when they do not stack. */
function gapRatio(previous: Line, line: Line): number | undefined {
  const sameDirection = Math.abs(previous.nx - line.nx) < 1e-3 && Math.abs(previous.ny - line.ny) < 1e-3;
  if (!sameDirection || line.size <= 0) return undefined;
  const ratio = drop(previous, line) / line.size;
  return ratio > 0 ? ratio : undefined;
}

/** The document's usual line spacing in font sizes: the 10th percentile of its line gaps. */
export function usualSpacing(pages: readonly (readonly Line[])[]): number | undefined {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = gapRatio(lines[i - 1]!, lines[i]!);
      if (gap !== undefined) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) * 0.1)];
}

/** One page's lines to text: paragraphs by vertical gaps, hyphenated breaks joined. */
export function layoutPage(lines: readonly Line[], spacing: number | undefined): string {
  const paragraphs: string[][] = [];
  lines.forEach((line, i) => {
    const gap = i > 0 ? gapRatio(lines[i - 1]!, line) : undefined;
    const breaks = i === 0 || (spacing !== undefined && gap !== undefined && gap > PARAGRAPH_GAP * spacing);
    if (breaks) paragraphs.push([line.text]);
    else paragraphs[paragraphs.length - 1]!.push(line.text);
  });
  return paragraphs.map(joinParagraphLines).join('\n\n');
}

/** Page texts to the document text and page ranges in code points; empty pages get empty ranges. */
export function assemblePages(pageTexts: readonly string[]): { text: string; pages: PageRange[] } {
  const parts: string[] = [];
  const pages: PageRange[] = [];
  let at = 0;
  pageTexts.forEach((pageText, i) => {
    if (pageText === '') {
      pages.push({ page: i + 1, start: at, end: at });
      return;
    }
    if (parts.length > 0) {
      parts.push('\n\n');
      at += 2;
    }
    const end = at + codePointLength(pageText);
    pages.push({ page: i + 1, start: at, end });
    parts.push(pageText);
    at = end;
  });
  return { text: parts.join(''), pages };
}

// ------------------------------------------------------------ parsing threads

/** The folder of pdf.js's bundled binary CMaps, as a path with a trailing slash (pdf.js appends the name). */
const CMAP_URL = fileURLToPath(new URL('../../cmaps/', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')));

let pdfjsLoading: Promise<Pdfjs> | undefined;
/** Loaded on first use: importing this module stays cheap for commands that never read a PDF. */
const loadPdfjs = () => (pdfjsLoading ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

// The worker thread runs this CommonJS snippet: it silences the console (pdf.js
// and its Wasm decoders log through it; the thread's stdout is the process's),
// loads pdf.js's worker module and serves the port it was given.
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']) console[method] = () => {};
import(workerData.workerUrl).then(({ WorkerMessageHandler }) => WorkerMessageHandler.initializeFromPort(workerData.port));
`;

class ParserThread {
  private readonly thread: Worker;
  private readonly port: MessagePort;
  readonly pdfWorker: PDFWorker;
  private alive = true;
  /** Files given to this thread so far. */
  files = 0;
  private stopError: Error | undefined;
  private onStop: ((error: Error) => void) | undefined;

  constructor(pdfjs: Pdfjs) {
    const { port1, port2 } = new MessageChannel();
    this.thread = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { workerUrl: import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), port: port2 },
      transferList: [port2],
      // No loaders or flags from the parent (tsx, --test): the thread runs plain pdf.js.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: 8 },
    });
    const stop = (error: Error) => {
      this.alive = false;
      this.stopError ??= error;
      this.onStop?.(this.stopError);
    };
    this.thread.on('error', stop);
    this.thread.on('exit', (code) => stop(new Error(`exit code ${code}`)));
    this.port = port1;
    // pdf.js types the port as a DOM Worker; it only calls postMessage and add/removeEventListener,
    // which a Node MessagePort has too.
    const port = port1 as unknown as NonNullable<PDFWorkerParameters['port']>;
    this.pdfWorker = pdfjs.PDFWorker.create({ port, verbosity: 0 });
  }

  get usable(): boolean {
    return this.alive && !this.pdfWorker.destroyed;
  }

  /** Settles (never rejects) if the thread stops by itself while busy: a crash, or its heap limit. */
  stopped(): Promise<Error> {
    return new Promise((resolve) => {
      if (this.stopError) resolve(this.stopError);
      else this.onStop = resolve;
    });
  }

  /** Idle threads must not keep the process alive; busy ones must. */
  hold(busy: boolean): void {
    this.onStop = undefined;
    if (busy) {
      this.thread.ref();
      this.port.ref();
    } else {
      this.thread.unref();
      this.port.unref();
    }
  }

  dispose(): void {
    this.alive = false;
    this.onStop = undefined;
    this.pdfWorker.destroy();
    this.port.close();
    this.thread.terminate().catch(() => undefined);
  }
}

const idleThreads: ParserThread[] = [];

function acquireThread(pdfjs: Pdfjs): ParserThread {
  let thread = idleThreads.pop();
  while (thread && !thread.usable) {
    thread.dispose();
    thread = idleThreads.pop();
  }
  thread ??= new ParserThread(pdfjs);
  thread.files++;
  thread.hold(true);
  return thread;
}

function releaseThread(thread: ParserThread, reusable: boolean): void {
  if (reusable && thread.usable && thread.files < FILES_PER_THREAD && idleThreads.length < MAX_IDLE_THREADS) {
    thread.hold(false);
    idleThreads.push(thread);
  } else {
    thread.dispose();
  }
}

// ------------------------------------------------------------ reading

const isTextItem = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

/** pdf.js errors (they cross the thread as plain objects with a name) to messages a researcher can act on. */
function explain(error: unknown): Error {
  if (error instanceof CrosswiseError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'PasswordException') {
    return unreadable('the PDF is protected by a password: open it with the password, save or print it as a new PDF without one, and import that');
  }
  if (name === 'InvalidPDFException') {
    return unreadable('the file is not a readable PDF (it is damaged, truncated or not a PDF at all): export it again from the program that made it');
  }
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
  return unreadable(`the PDF is damaged and could not be read (${detail}): export it again from the program that made it`);
}

/** What a caller needs to clean up after a read it stopped waiting for. */
interface Job {
  task?: PDFDocumentLoadingTask;
  /** The read ended by itself (text or error) and released its document: the thread is clean. */
  settled?: boolean;
}

async function readPage(doc: PDFDocumentProxy, n: number): Promise<Line[]> {
  const page = await doc.getPage(n);
  // disableNormalization: pdf.js would otherwise NFKC-fold many characters; we spell out ligatures only.
  const content = await page.getTextContent({ disableNormalization: true });
  page.cleanup();
  return pageLines(content.items.filter(isTextItem));
}

async function readPdf(pdfjs: Pdfjs, worker: PDFWorker, bytes: Uint8Array, limits: Limits, job: Job): Promise<Extracted> {
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given and refuses Buffers: pass a plain copy,
    // never the caller's bytes (Buffer#slice would share them).
    data: new Uint8Array(bytes),
    worker,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    stopAtErrors: false,
    // pdf.js's own predefined CMaps, for CJK text in fonts that name one (e.g. UniJIS-UCS2-H). pdf.js
    // only loads names from its built-in list, so a file cannot make it read anything else.
    cMapUrl: CMAP_URL,
  });
  job.task = task;
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPdfPages) {
      throw unreadable(`the PDF has ${doc.numPages} pages, more than the ${limits.maxPdfPages} allowed: split it into smaller files and import those`);
    }
    const pages: Line[][] = [];
    // Close to the final length (separators aside): enough to stop early on a huge text.
    let length = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const lines = await readPage(doc, n);
      for (const line of lines) length += line.text.length + 1;
      if (length > limits.maxTextLength) {
        throw unreadable(`the document's text is longer than the ${limits.maxTextLength} characters allowed: split the file and import the parts`);
      }
      pages.push(lines);
    }
    return assemble(pages);
  } catch (error) {
    throw explain(error);
  } finally {
    await task.destroy();
  }
}

function assemble(pageLineLists: readonly Line[][]): Extracted {
  const spacing = usualSpacing(pageLineLists);
  const { text, pages } = assemblePages(pageLineLists.map((lines) => layoutPage(lines, spacing)));
  if (text === '') {
    throw unreadable('the PDF has no text layer (it is probably scanned images): run OCR first (e.g. ocrmypdf, or "recognise text" in a PDF editor) and import the result');
  }
  const empty = pages.filter((p) => p.start === p.end).map((p) => p.page);
  const warnings: string[] = [];
  if (empty.length > 0) {
    const listed = empty.slice(0, MAX_LISTED_PAGES).join(', ') + (empty.length > MAX_LISTED_PAGES ? ', …' : '');
    const one = empty.length === 1;
    warnings.push(
      `${empty.length} of ${pages.length} pages ${one ? 'has' : 'have'} no text (blank, or scanned without OCR): page${one ? '' : 's'} ${listed}`,
    );
  }
  return { text, pages, warnings };
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`);

/** Rejects after `ms`; the timer is cleared by `cancel`. */
function deadline(ms: number): { expired: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const message = `reading the PDF took longer than the ${duration(ms)} allowed: it may be damaged or very complex; save or print it as a new PDF, or split it, and import that`;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unreadable(message)), ms);
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

async function extractPdf(bytes: Uint8Array, limits: Limits): Promise<Extracted> {
  const timeout = deadline(limits.pdfTimeoutMs);
  const job: Job = {};
  let thread: ParserThread | undefined;
  try {
    const pdfjs = await Promise.race([loadPdfjs(), timeout.expired]);
    thread = acquireThread(pdfjs);
    const crashed = thread.stopped().then((error): never => {
      const outOfMemory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      throw unreadable(
        outOfMemory
          ? `reading the PDF needed more than the ${THREAD_HEAP_MB} MB of memory allowed: it may be damaged or built to exhaust memory`
          : `the PDF reader stopped unexpectedly (${error.message}): the file may be damaged`,
      );
    });
    const reading = readPdf(pdfjs, thread.pdfWorker, bytes, limits, job).finally(() => {
      job.settled = true;
    });
    return await Promise.race([reading, timeout.expired, crashed]);
  } finally {
    timeout.cancel();
    if (thread) {
      // A thread stopped mid-file (timeout, crash) is discarded; its loading task is released without waiting.
      if (!job.settled) void job.task?.destroy().catch(() => undefined);
      releaseThread(thread, job.settled === true);
    }
  }
}

export const pdfExtractor: Extractor = {
  format: 'pdf',
  extensions: ['pdf'],
  mediaType: 'application/pdf',
  extract: extractPdf,
};
