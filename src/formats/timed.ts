// What the transcript formats that carry speakers structurally share: WebVTT and
// SubRip (timed cues) and the CSV transcript (one row per turn).
//
// The output rule, the same for all three: one paragraph per speaker turn,
// written "Speaker: text" so a reader of the plain text sees who speaks (just
// "text" when the speaker is unknown), paragraphs separated by a blank line.
// Each turn covers its whole paragraph, label included, in code points.
//
// How timed cues become turns (`cuesToTurns`):
// - a cue's speaker comes from a WebVTT voice (<v Name>) or, failing that, from
//   a "Name:" label at the start of a cue line; a line starting with a dialogue
//   dash ("- text") is a new speaker whose name is unknown;
// - consecutive cues of the same speaker merge into one turn, whatever the pause;
// - a cue without a speaker continues the previous turn when it follows it
//   within CONTIGUOUS_MS; otherwise it starts a turn with speaker "";
// - cue lines are display wrapping, not structure, so the lines and cues of one
//   turn are joined with single spaces.

import type { SpeakerTurn } from '../core/model.ts';
import { CodePointIndex } from '../core/text/offsets.ts';
import { mb, unreadable, type Limits } from './types.ts';

// ---------------------------------------------------------------- decoding

export interface Utf8Text {
  text: string;
  bom: boolean;
}

/**
 * Strict UTF-8 (a BOM is removed and reported). WebVTT is UTF-8 by definition
 * and the others are UTF-8 by convention; guessing another encoding would
 * silently garble names, so other encodings are refused with advice.
 */
export function decodeUtf8(bytes: Uint8Array, limits: Limits, kind: string): Utf8Text {
  if (bytes.length > limits.maxFileBytes) {
    throw unreadable(`the file is ${mb(bytes.length)}, more than the ${mb(limits.maxFileBytes)} allowed`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw unreadable(`the ${kind} file is UTF-16 encoded: save it as UTF-8 and import it again`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, bom };
  } catch {
    throw unreadable(`the ${kind} file is not valid UTF-8 (it has invalid byte sequences): save it as UTF-8 and import it again`);
  }
}

/** Lines of a text with any line endings; index i is line i + 1 of the file. */
export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

// ---------------------------------------------------------------- times

// [hours:]minutes:seconds[.,fraction]. Hours are optional (WebVTT "mm:ss.ttt");
// without them minutes may exceed 59, which is unambiguous.
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

/** Milliseconds of a clock time such as 01:02:03.450, 1:02:03,45 or 02:03.450; undefined if it is not one. */
export function parseClock(value: string): number | undefined {
  const m = CLOCK.exec(value);
  if (!m) return undefined;
  const [, hours, minutes = '0', seconds = '0', fraction = ''] = m;
  if (Number(seconds) > 59 || (hours !== undefined && Number(minutes) > 59)) return undefined;
  const totalSeconds = (Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds);
  return totalSeconds * 1000 + Number(fraction.padEnd(3, '0'));
}

export interface Timing {
  startMs: number;
  endMs: number;
}

const TIMING = /^\s*(\S+?)\s*-->\s*(\S+)/;

/** A cue timing line "start --> end [settings]" (settings ignored), or a clear error naming the line. */
export function parseTiming(line: string, lineNumber: number, example: string): Timing {
  const m = TIMING.exec(line);
  const startMs = m ? parseClock(m[1]!) : undefined;
  const endMs = m ? parseClock(m[2]!) : undefined;
  if (startMs === undefined || endMs === undefined) {
    // The line is not echoed: it may be transcript text.
    throw unreadable(`line ${lineNumber}: the cue timing is not valid (expected "${example}")`);
  }
  return { startMs, endMs };
}

export const isTimingLine = (line: string): boolean => line.includes('-->');

// ---------------------------------------------------------------- cues

/** A run of cue text with one voice. `text` has markup removed and keeps the cue's line breaks. */
export interface CueSegment {
  voice?: string;
  text: string;
}

export interface Cue extends Timing {
  segments: CueSegment[];
}

/** A cue that ends before it starts is kept, ending where it starts; this counts them for one warning. */
export function clampTiming(timing: Timing, counter: { backwards: number }): Timing {
  if (timing.endMs >= timing.startMs) return timing;
  counter.backwards++;
  return { startMs: timing.startMs, endMs: timing.startMs };
}

export function backwardsWarning(count: number): string[] {
  return count ? [`${count} cue(s) end before they start; they were kept with their start time as end`] : [];
}

/** A cue without a speaker continues the previous turn when it starts at most this long after it ends. */
export const CONTIGUOUS_MS = 1000;

// "Name:" at the start of a cue line, as subtitlers write it ("ANNA:", "SPEAKER 1:",
// "Dr. Smith:"); the colon is followed by a space or ends the line, so "http://"
// and "10:30" (which starts with a digit) are not labels.
const LABEL = /^([\p{L}][\p{L}\p{N} .'’-]{0,30}?)[ \u00a0\u202f]?:(?:[ \u00a0\t]+|$)/u;
const MAX_LABEL_WORDS = 4;
// A dialogue dash: "- text", "– text", "—text".
const DASH = /^[-–—](?:[ \u00a0\t]+|(?=\p{L}))/u;

const squeeze = (s: string) => s.replace(/[ \t\n]+/g, ' ').trim();

function labelOf(line: string): { label: string; rest: string } | undefined {
  const m = LABEL.exec(line);
  if (!m) return undefined;
  const label = squeeze(m[1]!);
  if (label.split(' ').length > MAX_LABEL_WORDS) return undefined;
  return { label, rest: line.slice(m[0].length) };
}

const isUpperCase = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();

/**
 * Labels believed to be speakers: written in capitals ("ANNA:", "SPEAKER 1:"),
 * or used on at least two lines of the file, so that a single "Remember: …"
 * in the dialogue is not taken for a speaker (its text is kept unchanged).
 */
function acceptedLabels(cues: readonly Cue[]): Set<string> {
  const found: string[] = [];
  for (const cue of cues) {
    for (const segment of cue.segments) {
      if (segment.voice !== undefined) continue;
      for (const line of segment.text.split('\n')) {
        const label = labelOf(line.trim())?.label;
        if (label !== undefined) found.push(label);
      }
    }
  }
  const counts = new Map<string, number>();
  for (const label of found) counts.set(label.toLowerCase(), (counts.get(label.toLowerCase()) ?? 0) + 1);
  return new Set(found.filter((label) => isUpperCase(label) || counts.get(label.toLowerCase())! >= 2));
}

/** Who says a piece of a cue: a name, "someone new" (a dash), or unknown (continues). */
interface Utterance extends Timing {
  speaker: string | undefined;
  newSpeaker: boolean;
  lines: string[];
}

function utterancesOf(cue: Cue, labels: ReadonlySet<string>): Utterance[] {
  const out: Utterance[] = [];
  const start = (speaker: string | undefined, newSpeaker: boolean, first: string) => {
    out.push({ speaker, newSpeaker, lines: [first], startMs: cue.startMs, endMs: cue.endMs });
  };
  for (const segment of cue.segments) {
    if (segment.voice !== undefined) {
      start(segment.voice, false, segment.text);
      continue;
    }
    let open = false;
    for (const raw of segment.text.split('\n')) {
      const line = raw.trim();
      const found = labelOf(line);
      const dash = DASH.exec(line);
      if (found && labels.has(found.label)) start(found.label, false, found.rest);
      else if (dash) start(undefined, true, line.slice(dash[0].length));
      else if (open) out.at(-1)!.lines.push(line);
      else start(undefined, false, line);
      open = true;
    }
  }
  return out;
}

/** A turn before rendering: who, what (no blank lines inside), and when if known. */
export interface TurnDraft {
  speaker: string;
  text: string;
  startMs?: number;
  endMs?: number;
}

/** Applies the merging rules in the header comment to timed cues. */
export function cuesToTurns(cues: readonly Cue[]): TurnDraft[] {
  const labels = acceptedLabels(cues);
  const turns: (TurnDraft & Timing)[] = [];
  for (const cue of cues) {
    for (const u of utterancesOf(cue, labels)) {
      const text = squeeze(u.lines.join(' '));
      if (!text) continue;
      const last = turns.at(-1);
      const continues =
        last !== undefined &&
        (u.speaker !== undefined
          ? last.speaker === u.speaker
          : !u.newSpeaker && u.startMs <= last.endMs + CONTIGUOUS_MS);
      if (continues) {
        last.text += ` ${text}`;
        last.endMs = Math.max(last.endMs, u.endMs);
      } else {
        turns.push({ speaker: u.speaker ?? '', text, startMs: u.startMs, endMs: u.endMs });
      }
    }
  }
  return turns;
}

// ---------------------------------------------------------------- rendering

export interface Transcript {
  text: string;
  turns: SpeakerTurn[];
}

/** One "Speaker: text" paragraph per turn; each turn spans its paragraph, in code points. */
export function renderTurns(drafts: readonly TurnDraft[], limits: Limits): Transcript {
  const pieces: string[] = [];
  const spans: number[] = []; // UTF-16 start and end of each paragraph
  let length = 0;
  for (const draft of drafts) {
    const paragraph = draft.speaker ? `${draft.speaker}: ${draft.text}` : draft.text;
    if (pieces.length > 0) {
      pieces.push('\n\n');
      length += 2;
    }
    spans.push(length, length + paragraph.length);
    pieces.push(paragraph);
    length += paragraph.length;
    if (length > limits.maxTextLength) {
      throw unreadable(`the transcript's text is longer than the ${limits.maxTextLength} characters allowed: split the file and import the parts`);
    }
  }
  const text = pieces.join('');
  const index = new CodePointIndex(text);
  const turns = drafts.map((draft, i): SpeakerTurn => {
    const turn: SpeakerTurn = { speaker: draft.speaker, start: index.toCodePoint(spans[2 * i]!), end: index.toCodePoint(spans[2 * i + 1]!) };
    if (draft.startMs !== undefined) turn.startMs = draft.startMs;
    if (draft.endMs !== undefined) turn.endMs = draft.endMs;
    return turn;
  });
  return { text, turns };
}
