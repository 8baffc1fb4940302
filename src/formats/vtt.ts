// WebVTT captions (https://www.w3.org/TR/webvtt1/): the "WEBVTT" header, then
// blocks separated by blank lines. NOTE, STYLE and REGION blocks are skipped; a
// cue is an optional identifier line, a timing line "start --> end [settings]"
// and text lines. Speakers come from voice spans (<v Name>, <v.class Name>) or a
// "Name:" label in the text; turns are assembled as described in timed.ts.

import { LANGUAGES, type Language } from '../core/model.ts';
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
  type CueSegment,
} from './timed.ts';
import { unreadable, type Extractor } from './types.ts';

const EXAMPLE = '00:01:02.500 --> 00:01:05.000';
const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

// Character references a cue may use (the spec allows any HTML reference; these
// are the ones caption tools write), plus numeric ones.
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g;

function fromCodePoint(cp: number): string {
  const valid = cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
  return String.fromCodePoint(valid ? cp : 0xfffd);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCodePoint(Number(dec));
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    return ENTITIES[name!] ?? whole;
  });
}

/**
 * Cue text to voice segments: <v> starts a segment with that speaker and </v>
 * ends it; every other tag (<c>, <i>, <b>, <u>, <lang>, <ruby>, <00:01.000>) is
 * dropped with its text kept, except ruby annotations (<rt>), which repeat the
 * base text's pronunciation.
 */
export function parseCueText(raw: string): CueSegment[] {
  const segments: CueSegment[] = [];
  let current: CueSegment = { text: '' };
  let inRubyText = 0;
  const open = (voice: string | undefined) => {
    if (current.text) segments.push(current);
    current = voice ? { voice, text: '' } : { text: '' };
  };
  let i = 0;
  while (i < raw.length) {
    const lt = raw.indexOf('<', i);
    const textEnd = lt < 0 ? raw.length : lt;
    if (inRubyText === 0) current.text += decodeEntities(raw.slice(i, textEnd));
    if (lt < 0) break;
    const gt = raw.indexOf('>', lt);
    // An unclosed tag runs to the end of the cue, as the spec's tokenizer reads it.
    const tag = raw.slice(lt + 1, gt < 0 ? raw.length : gt);
    i = gt < 0 ? raw.length : gt + 1;
    const name = /^\/?([^\s.]*)/.exec(tag)![1]!.toLowerCase();
    const closing = tag.startsWith('/');
    if (name === 'v') open(closing ? undefined : voiceName(tag));
    else if (name === 'rt') inRubyText = Math.max(0, inRubyText + (closing ? -1 : 1));
  }
  if (current.text) segments.push(current);
  return segments;
}

/** "v.loud.x Anna Smith" → "Anna Smith" (undefined when the annotation is empty). */
function voiceName(tag: string): string | undefined {
  const annotation = decodeEntities(tag.replace(/^v(?:\.\S*)?/, '')).replace(/\s+/g, ' ').trim();
  return annotation || undefined;
}

interface ParsedVtt {
  cues: Cue[];
  language?: Language;
  warnings: string[];
}

function checkHeader(lines: readonly string[]): void {
  if (HEADER.test(lines[0] ?? '')) return;
  const looksLikeSrt = /^\s*\d+\s*$/.test(lines[0] ?? '') && /,\d{1,3}\s*-->/.test(lines[1] ?? '');
  throw unreadable(
    looksLikeSrt
      ? 'the file does not start with "WEBVTT" but looks like a SubRip subtitle file: rename it to .srt and import it again'
      : 'the file does not start with "WEBVTT": it is not a WebVTT caption file',
  );
}

/** The header block's "Language: fr" metadata (written by YouTube and others), if it names a supported language. */
function headerLanguage(line: string): Language | undefined {
  const m = /^Language\s*:\s*([a-zA-Z]{2,3})\b/.exec(line);
  const tag = m?.[1]?.toLowerCase();
  return LANGUAGES.find((l) => l === tag);
}

export function parseVtt(text: string): ParsedVtt {
  const lines = splitLines(text);
  checkHeader(lines);
  const cues: Cue[] = [];
  const counter = { backwards: 0 };
  let withoutTiming = 0;
  let language: Language | undefined;
  let i = 1;
  // Header metadata runs to the first blank line (or, in sloppy files, the first timing).
  for (; i < lines.length && lines[i]!.trim() !== '' && !isTimingLine(lines[i]!); i++) language ??= headerLanguage(lines[i]!);
  const skipBlock = () => {
    while (i < lines.length && lines[i]!.trim() !== '') i++;
  };
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    if (SKIPPED_BLOCK.test(lines[i]!)) {
      skipBlock();
      continue;
    }
    // An identifier line comes before the timing; it is not kept.
    if (!isTimingLine(lines[i]!)) i++;
    if (i >= lines.length || !isTimingLine(lines[i]!)) {
      withoutTiming++;
      skipBlock();
      continue;
    }
    const timing = clampTiming(parseTiming(lines[i]!, i + 1, EXAMPLE), counter);
    i++;
    const textLines: string[] = [];
    // Cue text ends at a blank line, or at a line with "-->", which starts the next cue.
    for (; i < lines.length && lines[i]!.trim() !== '' && !isTimingLine(lines[i]!); i++) textLines.push(lines[i]!);
    cues.push({ ...timing, segments: parseCueText(textLines.join('\n')) });
  }
  const warnings = backwardsWarning(counter.backwards);
  if (withoutTiming) warnings.push(`${withoutTiming} block(s) without a cue timing were skipped`);
  return language ? { cues, language, warnings } : { cues, warnings };
}

export const vttExtractor: Extractor = {
  format: 'vtt',
  extensions: ['vtt'],
  mediaType: 'text/vtt',
  async extract(bytes, limits) {
    const { text: raw, bom } = decodeUtf8(bytes, limits, 'WebVTT');
    const { cues, language, warnings } = parseVtt(raw);
    const { text, turns } = renderTurns(cuesToTurns(cues), limits);
    if (turns.length === 0) throw unreadable('the WebVTT file has no cues with text: there is nothing to import');
    return language ? { text, turns, encoding: 'utf-8', bom, language, warnings } : { text, turns, encoding: 'utf-8', bom, warnings };
  },
};
