// What a REFI-QDA project (.qde) or codebook (.qdc) says, read leniently.
// GUIDs are kept as keys: trimmed, braces removed, lower-case, so upper- and
// lower-case GUIDs and non-GUID ids all match their references.

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';
export const REFI_VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

/** Who and when, as most REFI elements carry. */
export interface Stamp {
  creatingUser?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
}

export interface RefiUser {
  guid: string;
  name?: string;
  id?: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** Undefined when the attribute is missing (the schema requires it). */
  isCodable?: boolean;
  color?: string;
  description?: string;
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type?: RefiVariableType;
  description?: string;
}

export interface RefiValue {
  variable: string;
  type: RefiVariableType;
  raw: string;
}

export interface RefiCase {
  guid: string;
  name?: string;
  description?: string;
  codeRefs: string[];
  values: RefiValue[];
  sourceRefs: string[];
  selectionRefs: string[];
}

export interface RefiCoding extends Stamp {
  guid: string;
  code?: string;
  noteRefs: string[];
}

export interface RefiTextSelection extends Stamp {
  guid: string;
  name?: string;
  /** NaN when missing or not a whole number. */
  start: number;
  end: number;
  description?: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

/** A text: a TextSource, a PDF's Representation, a picture's TextDescription, a transcript, a note. */
export interface RefiText extends Stamp {
  guid: string;
  name?: string;
  plainTextPath?: string;
  richTextPath?: string;
  plainTextContent?: string;
  description?: string;
  selections: RefiTextSelection[];
  /** Codings of the whole source. */
  codings: RefiCoding[];
  noteRefs: string[];
  values: RefiValue[];
}

export interface RefiSyncPoint {
  guid: string;
  position?: number;
  timeStamp?: number;
}

export interface RefiTranscriptSelection extends Stamp {
  guid: string;
  name?: string;
  fromSyncPoint?: string;
  toSyncPoint?: string;
  description?: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export interface RefiTranscript extends RefiText {
  syncPoints: RefiSyncPoint[];
  transcriptSelections: RefiTranscriptSelection[];
}

/** A selection Crosswise cannot hold: a region of a picture or PDF page, a stretch of audio or video. */
export interface RefiMediaSelection {
  guid: string;
  name?: string;
  kind: 'PictureSelection' | 'PDFSelection' | 'AudioSelection' | 'VideoSelection';
  description?: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export type RefiSourceKind = 'TextSource' | 'PDFSource' | 'PictureSource' | 'AudioSource' | 'VideoSource';

export interface RefiSource extends Stamp {
  kind: RefiSourceKind;
  guid: string;
  name?: string;
  /** The media or PDF file (path attribute); text sources use `text`. */
  path?: string;
  description?: string;
  /** The text itself (TextSource), a PDF's Representation or a picture's TextDescription. */
  text?: RefiText;
  transcripts: RefiTranscript[];
  mediaSelections: RefiMediaSelection[];
  codings: RefiCoding[];
  noteRefs: string[];
  values: RefiValue[];
}

export type RefiNote = RefiText;

export interface RefiLink {
  guid: string;
  name?: string;
  origin?: string;
  target?: string;
}

export interface RefiSet {
  guid: string;
  name: string;
  description?: string;
  memberCodes: string[];
  memberSources: string[];
  memberNotes: string[];
}

export interface RefiCodebook {
  origin?: string;
  namespace?: string;
  codes: RefiCode[];
  sets: RefiSet[];
}

export interface RefiProject extends RefiCodebook {
  name?: string;
  creatingUser?: string;
  basePath?: string;
  description?: string;
  users: RefiUser[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
  links: RefiLink[];
  graphs: number;
  /** Notes about the project as a whole. */
  noteRefs: string[];
}

/** The form GUIDs are compared in. */
export const guidKey = (guid: string): string => guid.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
