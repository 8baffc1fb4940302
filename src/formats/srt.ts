// SubRip subtitles: blocks of a sequence number, a timing line
// "hh:mm:ss,ttt --> hh:mm:ss,ttt" and text lines. Real files are sloppy, so the
// number may be missing, blank lines may repeat or even appear inside a cue's
// text (such a stray line is kept with the cue before it), and "." may replace
// ",". Speakers come from "Name:" labels and dialogue dashes in the text; turns
// are assembled as described in timed.ts.

import {
  backwardsWarning,
  clampTiming,
  cuesToTurns,
  decodeUtf8,
  isTimingLine,
  parseTiming,
  renderTurns,
  splitLines,
  type Cue,
} from './timed.ts';
import { unreadable, type Extractor } from './types.ts';

const EXAMPLE = '00:01:02,500 --> 00:01:05,000';
const SEQUENCE_NUMBER = /^\s*\d+\s*$/;
// <i>, <b>, <u>, <s>, <font …> and their end tags; {\an8}-style positioning codes from ASS conversions.
const MARKUP = /<\/?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}/gi;

export const stripSrtMarkup = (text: string) => text.replace(MARKUP, '');

export function parseSrt(text: string): { cues: Cue[]; warnings: string[] } {
  const lines = splitLines(text);
  const cues: Cue[] = [];
  const counter = { backwards: 0 };
  const startsCue = (at: number) =>
    isTimingLine(lines[at] ?? '') || (SEQUENCE_NUMBER.test(lines[at] ?? '') && isTimingLine(lines[at + 1] ?? ''));
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    if (!startsCue(i)) {
      const previous = cues.at(-1);
      if (!previous) {
        throw unreadable(`line ${i + 1}: expected a subtitle number or a timing such as "${EXAMPLE}": it is not a SubRip file`);
      }
      // Text after a blank line inside a cue: it still belongs to that cue.
      for (; i < lines.length && lines[i]!.trim() !== '' && !startsCue(i); i++) previous.segments[0]!.text += `\n${stripSrtMarkup(lines[i]!)}`;
      continue;
    }
    if (!isTimingLine(lines[i]!)) i++;
    const timing = clampTiming(parseTiming(lines[i]!, i + 1, EXAMPLE), counter);
    i++;
    const textLines: string[] = [];
    // A cue ends at a blank line, or where the next cue starts without one.
    for (; i < lines.length && lines[i]!.trim() !== '' && !startsCue(i); i++) textLines.push(lines[i]!);
    cues.push({ ...timing, segments: [{ text: stripSrtMarkup(textLines.join('\n')) }] });
  }
  return { cues, warnings: backwardsWarning(counter.backwards) };
}

export const srtExtractor: Extractor = {
  format: 'srt',
  extensions: ['srt'],
  mediaType: 'application/x-subrip',
  async extract(bytes, limits) {
    const { text: raw, bom } = decodeUtf8(bytes, limits, 'SubRip');
    const { cues, warnings } = parseSrt(raw);
    const { text, turns } = renderTurns(cuesToTurns(cues), limits);
    if (turns.length === 0) throw unreadable('the SubRip file has no subtitles with text: there is nothing to import');
    return { text, turns, encoding: 'utf-8', bom, warnings };
  },
};
