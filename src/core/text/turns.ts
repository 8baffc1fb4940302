import type { SpeakerTurn } from '../model.ts';
import { CodePointIndex } from './offsets.ts';

// A label at the start of a paragraph, e.g. "Interviewer:", "Q:", "SPEAKER 1:",
// or French "Répondante :" with its space before the colon.
const LABEL = /^([\p{Lu}\p{Lt}][\p{L}\p{N} .'’-]{0,38}?) ?: /u;

/**
 * Speaker turns of a transcript whose paragraphs (separated by blank lines)
 * start with "Label:". A paragraph without a label continues the previous turn.
 * Offsets are code points; a turn spans its whole paragraph(s).
 */
export function labelledTurns(text: string): SpeakerTurn[] {
  const index = new CodePointIndex(text);
  const turns: SpeakerTurn[] = [];
  const paragraph = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    const start = index.toCodePoint(m.index);
    const end = index.toCodePoint(m.index + m[0].length);
    const label = LABEL.exec(m[0]);
    const last = turns.at(-1);
    if (label) turns.push({ speaker: label[1]!.trim(), start, end });
    else if (last) last.end = end;
  }
  return turns;
}
