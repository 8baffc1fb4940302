// Who speaks in a turn: whether a speaker label names the interviewer, and where
// the label ends and the speech begins.

import type { SpeakerTurn } from '../model.ts';
import { foldWord } from './fold.ts';
import { codePointLength, type CodePointIndex } from './offsets.ts';
import type { Range } from './ranges.ts';

// Folded labels transcribers give the person asking the questions (English and French).
const INTERVIEWER_LABELS = new Set([
  'interviewer', 'interviewers', 'int', 'i', 'iv', 'q', 'question', 'moderator', 'facilitator', 'researcher',
  'intervieweur', 'intervieweuse', 'enqueteur', 'enquetrice', 'enqueteuse', 'moderateur', 'moderatrice',
  'animateur', 'animatrice', 'chercheur', 'chercheuse',
]);

/** "Interviewer 2", "Q1", "INT-B", "Interviewer (Luc)" → "interviewer", "q", "int", "interviewer". */
function labelKey(label: string): string {
  return foldWord(label)
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/[\s\d._#:-]+(?:[a-z])?$/u, '')
    .replace(/[\s\d._#:-]+$/u, '')
    .trim();
}

/**
 * Whether a speaker label names the interviewer: a usual label (Interviewer,
 * Q, Enquêtrice, Moderator…, optionally numbered or followed by a name) or one
 * of `interviewerNames` (the interviewer's full or first name).
 */
export function isInterviewerLabel(label: string, interviewerNames: readonly string[] = []): boolean {
  const key = labelKey(label);
  if (INTERVIEWER_LABELS.has(key) || INTERVIEWER_LABELS.has(key.split(/\s+/)[0]!)) return true;
  const folded = foldWord(label.trim());
  return interviewerNames.some((name) => {
    const n = foldWord(name.trim());
    return n !== '' && (folded === n || folded === n.split(/\s+/)[0]);
  });
}

// What follows a label before the speech: a colon, bracket or dash, and spaces.
const AFTER_LABEL = /^[ \u00a0\u202f]*[:\]\-–—]?[ \t\u00a0\u202f]*/u;
/** A label is at the start of its turn, after at most a timestamp. */
const LABEL_WITHIN = 40;

/** The turn without its speaker label: the words spoken. The whole turn if the label is not found. */
export function turnBody(index: CodePointIndex, turn: SpeakerTurn): Range {
  const head = index.slice(turn.start, Math.min(turn.end, turn.start + LABEL_WITHIN + turn.speaker.length + 8));
  const at = head.indexOf(turn.speaker);
  if (at < 0 || at > LABEL_WITHIN) return { start: turn.start, end: turn.end };
  const labelEnd = at + turn.speaker.length;
  const skip = AFTER_LABEL.exec(head.slice(labelEnd))![0].length;
  return { start: Math.min(turn.end, turn.start + codePointLength(head.slice(0, labelEnd + skip))), end: turn.end };
}
