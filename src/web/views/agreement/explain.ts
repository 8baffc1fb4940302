// The agreement report explains itself in English sentences (notes, reasons a
// statistic is undefined, why a document was left out). These map the known ones
// to message keys so the interface can say them in its own language; an unknown
// sentence is shown as it came.

export type NoteKey =
  | 'noteEveryCharacter'
  | 'noteOnlyCodedCharacters'
  | 'noteUnitizing'
  | 'noteSegment'
  | 'noteSegmentOnlyCoded'
  | 'noteDocument'
  | 'noteDocumentOnlyCoded'
  | 'noteOnlyCodedChance'
  | 'noteOnlyCodedChanceCharacter';

export type ReasonKey =
  | 'reasonNoPairs'
  | 'reasonNoVariation'
  | 'reasonNoVariationValue'
  | 'reasonNoUnits'
  | 'reasonNoUnitAll'
  | 'reasonNoPairable'
  | 'reasonNoSegments'
  | 'reasonNoExpected'
  | 'reasonNoText'
  | 'reasonTwoCoders'
  | 'skippedNotCodedBy';

export type Explained<K extends string> = { key: K; values: Record<string, string> } | { text: string };

/** How the caller says a proportion (0.994 → "99.4 %") and the two values coders give a unit. */
export interface ExplainFormat {
  percent(x: number): string;
  coded: string;
  notCoded: string;
}

const percentIn = (text: string, format: ExplainFormat) => {
  const m = /(\d+(?:\.\d+)?)%/.exec(text);
  return m ? format.percent(Number(m[1]) / 100) : '';
};

/** A report note in the interface's words; null for the note the view shows from the data itself (documents compared). */
export function explainNote(note: string, format: ExplainFormat): Explained<NoteKey> | null {
  const only = /Only (passages|documents) (someone|where someone)/.test(note);
  if (/^Compared the \d+ document/.test(note)) return null;
  if (/^Every character counts for every code/.test(note)) return { key: 'noteEveryCharacter', values: { share: percentIn(note, format) } };
  if (/^Only characters at least one coder coded/.test(note)) return { key: 'noteOnlyCodedCharacters', values: {} };
  if (/^Unitizing alpha/.test(note)) return { key: 'noteUnitizing', values: {} };
  if (/^Passages are matched across coders/.test(note)) return { key: only ? 'noteSegmentOnlyCoded' : 'noteSegment', values: { overlap: percentIn(note, format) } };
  if (/^A code is present in a document/.test(note)) return { key: only ? 'noteDocumentOnlyCoded' : 'noteDocument', values: {} };
  if (/^Without units that every coder left uncoded/.test(note)) {
    return { key: /Unitizing alpha/.test(note) ? 'noteOnlyCodedChanceCharacter' : 'noteOnlyCodedChance', values: {} };
  }
  return { text: note };
}

/** Why a statistic is undefined, in the interface's words. */
export function explainReason(reason: string, format: ExplainFormat): Explained<ReasonKey> {
  let m: RegExpExecArray | null;
  if (reason === 'no unit was coded by both coders') return { key: 'reasonNoPairs', values: {} };
  if ((m = /^no variation: every (?:rating|pairable value) is "([^"]*)"/.exec(reason))) {
    const value = m[1] === 'coded' ? format.coded : m[1] === 'not coded' ? format.notCoded : m[1]!;
    return { key: 'reasonNoVariationValue', values: { value } };
  }
  if (/^no variation/.test(reason)) return { key: 'reasonNoVariation', values: {} };
  if (reason === 'there are no units') return { key: 'reasonNoUnits', values: {} };
  if ((m = /^no unit was coded by all (\d+) coders/.exec(reason))) return { key: 'reasonNoUnitAll', values: { count: m[1]! } };
  if (/^(fewer than 2 pairable values|no unit has values from two or more coders|every unit needs ratings from at least two coders)/.test(reason)) {
    return { key: 'reasonNoPairable', values: {} };
  }
  if (/^no coder marked any segment/.test(reason)) return { key: 'reasonNoSegments', values: {} };
  if (/^expected disagreement is 0/.test(reason)) return { key: 'reasonNoExpected', values: {} };
  if (reason === 'the documents have no text') return { key: 'reasonNoText', values: {} };
  if (/needs at least two coders$/.test(reason)) return { key: 'reasonTwoCoders', values: {} };
  return { text: reason };
}

/** Why a document was left out of the comparison. */
export function explainSkipped(reason: string): Explained<ReasonKey> {
  const m = /^not coded by (.+)$/.exec(reason);
  return m ? { key: 'skippedNotCodedBy', values: { coders: m[1]! } } : { text: reason };
}
