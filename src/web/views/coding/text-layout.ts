// How a document is laid out as blocks (speaker turns or paragraphs), in code points.
//
// The blocks partition the whole text: each block owns a hidden "lead" (the
// separator and speaker label before it) and a visible part, so the rendered
// text nodes concatenate to exactly the document text and every DOM position
// maps back to one offset.

import type { SpeakerTurn } from '../../../core/model.ts';
import { CodePointIndex } from '../../../core/text/offsets.ts';

export interface Block {
  index: number;
  /** Code point where the hidden lead starts (the previous block's end). */
  lead: number;
  /** Visible text, code points, end exclusive. */
  start: number;
  end: number;
  /** The same positions in UTF-16 units, for DOM text nodes. */
  u16Lead: number;
  u16Start: number;
  u16End: number;
  speaker: string | null;
  startMs: number | null;
}

export interface TextLayout {
  blocks: Block[];
  /** Code point where the hidden text after the last block starts. */
  tail: number;
  u16Tail: number;
  /** Code-point length of the text. */
  length: number;
}

const TIMESTAMP = String.raw`\[?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]?\s+`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Length in UTF-16 units of the speaker label a turn's text starts with (0 if it does not). */
export function labelLength(turnText: string, speaker: string): number {
  const label = new RegExp(`^\\s*(?:${TIMESTAMP})?\\[?${escapeRegExp(speaker)}\\]?[ \\u00a0\\u202f]?[:\\-–—]?[ \\u00a0\\u202f\\t]*`, 'iu');
  return label.exec(turnText.slice(0, speaker.length + 40))?.[0].length ?? 0;
}

interface Span {
  u16Start: number;
  u16End: number;
  speaker: string | null;
  startMs: number | null;
}

/** Visible span of [from, to) without surrounding whitespace, or null if blank. */
function trimmed(text: string, from: number, to: number): [number, number] | null {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return from < to ? [from, to] : null;
}

/** One span per non-blank line of text[from, to). */
function paragraphs(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (let at = from; at < to; ) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > to ? to : nl;
    const visible = trimmed(text, at, lineEnd);
    if (visible) spans.push({ u16Start: visible[0], u16End: visible[1], speaker: null, startMs: null });
    at = lineEnd + 1;
  }
  return spans;
}

/**
 * Lays a document out: one block per speaker turn (its label hidden, shown beside it),
 * and one per non-blank line of text outside turns (or of the whole text without turns).
 */
export function layoutDocument(text: string, turns: readonly SpeakerTurn[], index = new CodePointIndex(text)): TextLayout {
  const spans: Span[] = [];
  let at = 0;
  for (const turn of [...turns].sort((a, b) => a.start - b.start)) {
    const start = Math.max(index.toUtf16(Math.min(turn.start, index.length)), at);
    const end = index.toUtf16(Math.min(turn.end, index.length));
    if (end <= start) continue;
    spans.push(...paragraphs(text, at, start));
    const visible = trimmed(text, start + (turn.speaker ? labelLength(text.slice(start, end), turn.speaker) : 0), end);
    if (visible) spans.push({ u16Start: visible[0], u16End: visible[1], speaker: turn.speaker || null, startMs: turn.startMs ?? null });
    at = end;
  }
  spans.push(...paragraphs(text, at, text.length));

  let lead = 0;
  const blocks = spans.map((s, i): Block => {
    const block: Block = {
      index: i,
      lead: index.toCodePoint(lead),
      start: index.toCodePoint(s.u16Start),
      end: index.toCodePoint(s.u16End),
      u16Lead: lead,
      u16Start: s.u16Start,
      u16End: s.u16End,
      speaker: s.speaker,
      startMs: s.startMs,
    };
    lead = s.u16End;
    return block;
  });
  return { blocks, tail: index.toCodePoint(lead), u16Tail: lead, length: index.length };
}

/** Index of the block whose visible text contains `cp`, or the first block after it; blocks.length if none. */
export function blockAtOrAfter(layout: TextLayout, cp: number): number {
  const { blocks } = layout;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.end <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `cp` if it is shown (inside or at the end of a block); otherwise, for a caret
 * moving in `direction` through a hidden lead, the next block's start or the
 * previous block's end.
 */
export function skipLead(layout: TextLayout, cp: number, direction: 'forward' | 'backward'): number {
  const i = blockAtOrAfter(layout, cp);
  const next = layout.blocks[i];
  const prev = layout.blocks[i - 1];
  if ((next && next.start <= cp) || (prev && prev.end === cp)) return cp;
  if (direction === 'forward') return next?.start ?? prev?.end ?? cp;
  return prev?.end ?? next?.start ?? cp;
}

export interface Piece {
  block: number;
  start: number;
  end: number;
}

/** The visible parts of [start, end) block by block (hidden leads are left out). */
export function piecesOf(layout: TextLayout, start: number, end: number, from = blockAtOrAfter(layout, start)): Piece[] {
  const pieces: Piece[] = [];
  for (let i = from; i < layout.blocks.length; i++) {
    const b = layout.blocks[i]!;
    if (b.start >= end) break;
    const s = Math.max(start, b.start);
    const e = Math.min(end, b.end);
    if (s < e) pieces.push({ block: i, start: s, end: e });
  }
  return pieces;
}

/** "mm:ss" or "h:mm:ss" for a turn's media time. */
export function formatTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
