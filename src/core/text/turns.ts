import type { SpeakerTurn } from '../model.ts';
import { CodePointIndex } from './offsets.ts';

// Speaker labels at the start of a line, as transcribers write them:
//   "Interviewer: …", "Q: …", "SPEAKER 1: …", French "Enquêteur : …" (space or
//   no-break space before the colon), "[id1] …" (QualCoder), "Speaker - …",
//   optionally after a timestamp: "[00:01:23] Interviewer: …", "00:01:23 Q: …".
const TIMESTAMP = /^\[?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?\s+/u;
const COLON_LABEL = /^([\p{L}][\p{L}\p{N} .'’()-]{0,30}?)[ \u00a0\u202f]?:[ \u00a0\t]+(?=\S)/u;
const BRACKET_LABEL = /^\[([\p{L}\p{N}_.-]{1,20})\][ \t]*(?=\S)/u;
const DASH_LABEL = /^([\p{Lu}][\p{L}\p{N} .'’]{0,30}?) [-–—] (?=\S)/u;
// A label followed by a tab ("Teacher 4:⇥", "Researcher 2-⇥") is how transcription
// templates lay out turns: a speaker even when heard only once.
const TAB_LABEL = /^([\p{L}][\p{L}\p{N} .'’()]{0,30}?)[ \u00a0]?[:\-–—]\t+(?=\S)/u;

const NON_BLANK = /\S/;

/** Labels that occur only once are usually not speakers ("Note: …", "[Cross talk]"). */
const MIN_OCCURRENCES = 2;
/** More distinct labels than this is not an interview transcript. */
const MAX_SPEAKERS = 25;

interface LabelledLine {
  start: number;
  speaker: string;
  startMs?: number;
}

function parseTimestamp(stamp: string): number {
  const [main = '0', frac = '0'] = stamp.split(/[.,]/);
  const parts = main.split(':').map(Number);
  const seconds = parts.reduce((total, p) => total * 60 + p, 0);
  return seconds * 1000 + Number(frac.padEnd(3, '0'));
}

function labelOf(line: string): { speaker: string; strong: boolean; startMs?: number } | null {
  let rest = line.trimStart();
  let startMs: number | undefined;
  const stamp = TIMESTAMP.exec(rest);
  if (stamp) {
    startMs = parseTimestamp(stamp[1]!);
    rest = rest.slice(stamp[0].length);
  }
  const tabbed = TAB_LABEL.exec(rest);
  const match = tabbed ?? COLON_LABEL.exec(rest) ?? BRACKET_LABEL.exec(rest) ?? DASH_LABEL.exec(rest);
  if (!match) return null;
  const label = { speaker: match[1]!.trim(), strong: tabbed !== null };
  return startMs === undefined ? label : { ...label, startMs };
}

/**
 * Finds speaker turns in a plain transcript: a turn starts at a line with a
 * speaker label and runs to the next one (text before the first label, such as
 * a header, belongs to no turn). Offsets are code points.
 */
export function detectTurns(text: string): SpeakerTurn[] {
  const index = new CodePointIndex(text);
  const lines: { start: number; end: number; label: ReturnType<typeof labelOf> }[] = [];
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    const blank = !NON_BLANK.test(line);
    lines.push({ start: at, end: blank ? -1 : end, label: blank ? null : labelOf(line) });
    if (nl < 0) break;
    at = nl + 1;
  }
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (!l.label) continue;
    const key = l.label.speaker.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + (l.label.strong ? MIN_OCCURRENCES : 1));
  }
  const speakers = [...counts].filter(([, n]) => n >= MIN_OCCURRENCES);
  if (speakers.length === 0 || speakers.length > MAX_SPEAKERS) return [];
  const accepted = new Set(speakers.map(([s]) => s));

  const labelled: (LabelledLine & { line: number })[] = [];
  lines.forEach((l, i) => {
    if (l.label && accepted.has(l.label.speaker.toLowerCase())) {
      const { speaker, startMs } = l.label;
      labelled.push(startMs === undefined ? { start: l.start, speaker, line: i } : { start: l.start, speaker, startMs, line: i });
    }
  });
  return labelled.map((turn, k) => {
    const stop = labelled[k + 1]?.line ?? lines.length;
    // A turn ends at its last non-empty line, not at the blank lines before the next turn.
    let endU16 = lines[turn.line]!.end;
    for (let i = turn.line + 1; i < stop; i++) if (lines[i]!.end >= 0) endU16 = lines[i]!.end;
    const result: SpeakerTurn = { speaker: turn.speaker, start: index.toCodePoint(turn.start), end: index.toCodePoint(endU16) };
    if (turn.startMs !== undefined) result.startMs = turn.startMs;
    return result;
  });
}
