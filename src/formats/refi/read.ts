// XML elements → the REFI model (model.ts). Lenient where a deviation is
// harmless (names it in `deviations`), strict where the file would be meaningless.

import { unreadable } from '../types.ts';
import { child, childrenNamed, type XmlElement } from './xml.ts';
import {
  REFI_VARIABLE_TYPES,
  guidKey,
  type RefiCase,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiMediaSelection,
  type RefiProject,
  type RefiSet,
  type RefiSource,
  type RefiSourceKind,
  type RefiText,
  type RefiTextSelection,
  type RefiTranscript,
  type RefiValue,
  type RefiVariableType,
  type Stamp,
} from './model.ts';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Reading state: harmless deviations found, and a counter for elements without a GUID. */
class Reader {
  readonly deviations = new Set<string>();
  private anonymous = 0;

  guid(e: XmlElement, attr = 'guid'): string {
    const raw = e.attrs[attr];
    if (raw && raw.trim()) return guidKey(raw);
    this.deviations.add(`<${e.name}> without a ${attr}: given a private id`);
    return `#${++this.anonymous}`;
  }
}

const opt = (e: XmlElement, attr: string): string | undefined => {
  const v = e.attrs[attr];
  return v === undefined || v.trim() === '' ? undefined : v;
};
const refs = (e: XmlElement, name: string, attr = 'targetGUID'): string[] =>
  childrenNamed(e, name).flatMap((r) => {
    const v = r.attrs[attr] ?? r.attrs.guid;
    return v ? [guidKey(v)] : [];
  });
const textOf = (e: XmlElement, name: string): string | undefined => {
  const c = child(e, name);
  return c ? c.text : undefined;
};
const integer = (v: string | undefined): number => (v !== undefined && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : NaN);
const optInteger = (v: string | undefined): number | undefined => (Number.isFinite(integer(v)) ? integer(v) : undefined);
const stamp = (e: XmlElement): Stamp => ({
  creatingUser: opt(e, 'creatingUser') && guidKey(e.attrs.creatingUser!),
  creationDateTime: opt(e, 'creationDateTime'),
  modifiedDateTime: opt(e, 'modifiedDateTime'),
});

function readCode(r: Reader, e: XmlElement): RefiCode {
  const codable = e.attrs.isCodable?.trim().toLowerCase();
  if (codable === undefined) r.deviations.add('codes without isCodable: taken as codable');
  return {
    guid: r.guid(e),
    name: e.attrs.name ?? '',
    isCodable: codable === undefined ? undefined : codable === 'true' || codable === '1',
    color: opt(e, 'color'),
    description: textOf(e, 'Description'),
    noteRefs: refs(e, 'NoteRef'),
    children: childrenNamed(e, 'Code').map((c) => readCode(r, c)),
  };
}

function readCodes(r: Reader, parent: XmlElement): RefiCode[] {
  const codes = child(parent, 'Codes');
  return codes ? childrenNamed(codes, 'Code').map((c) => readCode(r, c)) : [];
}

function readSets(r: Reader, root: XmlElement): RefiSet[] {
  const sets = child(root, 'Sets');
  return (sets ? childrenNamed(sets, 'Set') : []).map((s) => ({
    guid: r.guid(s),
    name: s.attrs.name ?? '',
    description: textOf(s, 'Description'),
    // Some exporters write MemberCode guid= instead of targetGUID=.
    memberCodes: refs(s, 'MemberCode'),
    memberSources: refs(s, 'MemberSource'),
    memberNotes: refs(s, 'MemberNote'),
  }));
}

function readValues(e: XmlElement): RefiValue[] {
  return childrenNamed(e, 'VariableValue').flatMap((v) => {
    const ref = child(v, 'VariableRef')?.attrs.targetGUID;
    const value = v.children.find((c) => c.name.endsWith('Value'));
    if (!ref || !value) return [];
    const type = value.name.replace(/Value$/, '') as RefiVariableType;
    return REFI_VARIABLE_TYPES.includes(type) ? [{ variable: guidKey(ref), type, raw: value.text }] : [];
  });
}

function readCoding(r: Reader, e: XmlElement): RefiCoding {
  const ref = child(e, 'CodeRef')?.attrs.targetGUID;
  return { guid: r.guid(e), code: ref ? guidKey(ref) : undefined, noteRefs: refs(e, 'NoteRef'), ...stamp(e) };
}

function readSelection(r: Reader, e: XmlElement): RefiTextSelection {
  return {
    guid: r.guid(e),
    name: opt(e, 'name'),
    start: integer(e.attrs.startPosition),
    end: integer(e.attrs.endPosition),
    description: textOf(e, 'Description'),
    codings: childrenNamed(e, 'Coding').map((c) => readCoding(r, c)),
    noteRefs: refs(e, 'NoteRef'),
    ...stamp(e),
  };
}

function readText(r: Reader, e: XmlElement): RefiText {
  return {
    guid: r.guid(e),
    name: opt(e, 'name'),
    plainTextPath: opt(e, 'plainTextPath'),
    richTextPath: opt(e, 'richTextPath'),
    plainTextContent: textOf(e, 'PlainTextContent'),
    description: textOf(e, 'Description'),
    selections: childrenNamed(e, 'PlainTextSelection').map((s) => readSelection(r, s)),
    codings: childrenNamed(e, 'Coding').map((c) => readCoding(r, c)),
    noteRefs: refs(e, 'NoteRef'),
    values: readValues(e),
    ...stamp(e),
  };
}

function readTranscript(r: Reader, e: XmlElement): RefiTranscript {
  return {
    ...readText(r, e),
    syncPoints: childrenNamed(e, 'SyncPoint').map((p) => ({
      guid: r.guid(p),
      position: optInteger(p.attrs.position),
      timeStamp: optInteger(p.attrs.timeStamp),
    })),
    transcriptSelections: childrenNamed(e, 'TranscriptSelection').map((s) => ({
      guid: r.guid(s),
      name: opt(s, 'name'),
      fromSyncPoint: opt(s, 'fromSyncPoint') && guidKey(s.attrs.fromSyncPoint!),
      toSyncPoint: opt(s, 'toSyncPoint') && guidKey(s.attrs.toSyncPoint!),
      description: textOf(s, 'Description'),
      codings: childrenNamed(s, 'Coding').map((c) => readCoding(r, c)),
      noteRefs: refs(s, 'NoteRef'),
      ...stamp(s),
    })),
  };
}

const MEDIA_SELECTIONS = ['PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection'] as const;
const SOURCE_KINDS: readonly RefiSourceKind[] = ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'];

function readSource(r: Reader, e: XmlElement): RefiSource {
  const kind = e.name as RefiSourceKind;
  const textElement = kind === 'TextSource' ? e : child(e, kind === 'PDFSource' ? 'Representation' : 'TextDescription');
  const mediaSelections: RefiMediaSelection[] = e.children
    .filter((c) => (MEDIA_SELECTIONS as readonly string[]).includes(c.name))
    .map((s) => ({
      guid: r.guid(s),
      name: opt(s, 'name'),
      kind: s.name as RefiMediaSelection['kind'],
      description: textOf(s, 'Description'),
      codings: childrenNamed(s, 'Coding').map((c) => readCoding(r, c)),
      noteRefs: refs(s, 'NoteRef'),
    }));
  return {
    kind,
    guid: r.guid(e),
    name: opt(e, 'name'),
    path: opt(e, 'path'),
    description: kind === 'TextSource' ? undefined : textOf(e, 'Description'),
    text: textElement ? readText(r, textElement) : undefined,
    transcripts: childrenNamed(e, 'Transcript').map((t) => readTranscript(r, t)),
    mediaSelections,
    codings: kind === 'TextSource' ? [] : childrenNamed(e, 'Coding').map((c) => readCoding(r, c)),
    noteRefs: kind === 'TextSource' ? [] : refs(e, 'NoteRef'),
    values: kind === 'TextSource' ? [] : readValues(e),
    ...stamp(e),
  };
}

function readCase(r: Reader, e: XmlElement): RefiCase {
  return {
    guid: r.guid(e),
    name: opt(e, 'name'),
    description: textOf(e, 'Description'),
    codeRefs: refs(e, 'CodeRef'),
    values: readValues(e),
    sourceRefs: refs(e, 'SourceRef'),
    selectionRefs: refs(e, 'SelectionRef'),
  };
}

function checkNamespace(r: Reader, root: XmlElement, expected: string): string | undefined {
  const ns = root.attrs.xmlns;
  if (ns !== expected) r.deviations.add(`namespace ${ns ? `"${ns}"` : '(none)'} instead of "${expected}": read as REFI-QDA 1.0`);
  return ns;
}

export interface ReadResult<T> {
  value: T;
  /** Harmless departures from the schema that were accepted. */
  deviations: string[];
}

/** A project.qde's root element → the project. */
export function readProject(root: XmlElement): ReadResult<RefiProject> {
  if (root.name !== 'Project') {
    throw unreadable(`not a REFI-QDA project: the root element is <${root.name}>, not <Project>`);
  }
  const r = new Reader();
  const namespace = checkNamespace(r, root, PROJECT_NAMESPACE);
  const codeBook = child(root, 'CodeBook');
  const sources = child(root, 'Sources');
  const value: RefiProject = {
    name: opt(root, 'name'),
    origin: opt(root, 'origin'),
    namespace,
    creatingUser: opt(root, 'creatingUserGUID') && guidKey(root.attrs.creatingUserGUID!),
    basePath: opt(root, 'basePath'),
    description: textOf(root, 'Description'),
    users: childrenNamed(child(root, 'Users') ?? root, 'User').map((u) => ({ guid: r.guid(u), name: opt(u, 'name'), id: opt(u, 'id') })),
    codes: codeBook ? readCodes(r, codeBook) : [],
    variables: childrenNamed(child(root, 'Variables') ?? root, 'Variable').map((v) => {
      const type = v.attrs.typeOfVariable as RefiVariableType;
      return {
        guid: r.guid(v),
        name: v.attrs.name ?? '',
        type: REFI_VARIABLE_TYPES.includes(type) ? type : undefined,
        description: textOf(v, 'Description'),
      };
    }),
    cases: childrenNamed(child(root, 'Cases') ?? root, 'Case').map((c) => readCase(r, c)),
    sources: (sources?.children ?? []).filter((s) => SOURCE_KINDS.includes(s.name as RefiSourceKind)).map((s) => readSource(r, s)),
    notes: childrenNamed(child(root, 'Notes') ?? root, 'Note').map((n) => readText(r, n)),
    links: childrenNamed(child(root, 'Links') ?? root, 'Link').map((l) => ({
      guid: r.guid(l),
      name: opt(l, 'name'),
      origin: opt(l, 'originGUID') && guidKey(l.attrs.originGUID!),
      target: opt(l, 'targetGUID') && guidKey(l.attrs.targetGUID!),
    })),
    sets: readSets(r, root),
    graphs: childrenNamed(child(root, 'Graphs') ?? root, 'Graph').length,
    noteRefs: refs(root, 'NoteRef'),
  };
  return { value, deviations: [...r.deviations] };
}

/** A .qdc's root element → the codebook. */
export function readCodebook(root: XmlElement): ReadResult<RefiCodebook> {
  if (root.name !== 'CodeBook') {
    throw unreadable(`not a REFI-QDA codebook: the root element is <${root.name}>, not <CodeBook>`);
  }
  const r = new Reader();
  const namespace = checkNamespace(r, root, CODEBOOK_NAMESPACE);
  const value: RefiCodebook = { origin: opt(root, 'origin'), namespace, codes: readCodes(r, root), sets: readSets(r, root) };
  return { value, deviations: [...r.deviations] };
}
