// The REFI model → project.qde / .qdc bytes, elements in the order the XSDs require
// (Project.xsd, Codebook.xsd), empty lists left out (the schemas want at least one item).

import { serializeXml, type OutElement } from './xml.ts';
import { CODEBOOK_NAMESPACE, PROJECT_NAMESPACE } from './read.ts';
import type {
  RefiCase,
  RefiCode,
  RefiCodebook,
  RefiCoding,
  RefiProject,
  RefiSource,
  RefiText,
  RefiTextSelection,
  RefiValue,
} from './model.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const el = (name: string, attrs?: OutElement['attrs'], children?: OutElement[]): OutElement => ({ name, attrs, children });
const textEl = (name: string, text: string | undefined): OutElement[] => (text === undefined ? [] : [{ name, text }]);
const refEls = (name: string, guids: readonly string[]): OutElement[] => guids.map((g) => el(name, { targetGUID: g }));
const list = (name: string, items: OutElement[]): OutElement[] => (items.length ? [el(name, {}, items)] : []);

function code(c: RefiCode, inProject: boolean): OutElement {
  return el('Code', { guid: c.guid, name: c.name, isCodable: c.isCodable ?? true, color: c.color }, [
    ...textEl('Description', c.description),
    ...(inProject ? refEls('NoteRef', c.noteRefs) : []),
    ...c.children.map((k) => code(k, inProject)),
  ]);
}

const coding = (c: RefiCoding): OutElement =>
  el('Coding', { guid: c.guid, creatingUser: c.creatingUser, creationDateTime: c.creationDateTime }, [
    el('CodeRef', { targetGUID: c.code }),
    ...refEls('NoteRef', c.noteRefs),
  ]);

const value = (v: RefiValue): OutElement =>
  el('VariableValue', {}, [el('VariableRef', { targetGUID: v.variable }), { name: `${v.type}Value`, text: v.raw }]);

const selection = (s: RefiTextSelection): OutElement =>
  el(
    'PlainTextSelection',
    {
      guid: s.guid,
      name: s.name,
      startPosition: s.start,
      endPosition: s.end,
      creatingUser: s.creatingUser,
      creationDateTime: s.creationDateTime,
      modifiedDateTime: s.modifiedDateTime,
    },
    [...textEl('Description', s.description), ...s.codings.map(coding), ...refEls('NoteRef', s.noteRefs)],
  );

function text(name: string, t: RefiText): OutElement {
  return el(
    name,
    {
      guid: t.guid,
      name: t.name,
      richTextPath: t.richTextPath,
      plainTextPath: t.plainTextPath,
      creatingUser: t.creatingUser,
      creationDateTime: t.creationDateTime,
      modifiedDateTime: t.modifiedDateTime,
    },
    [
      ...textEl('Description', t.description),
      ...textEl('PlainTextContent', t.plainTextContent),
      ...t.selections.map(selection),
      ...t.codings.map(coding),
      ...refEls('NoteRef', t.noteRefs),
      ...t.values.map(value),
    ],
  );
}

/** Text sources, and PDF sources with their text as a Representation (media sources are never written). */
function source(s: RefiSource): OutElement | null {
  if (s.kind === 'TextSource' && s.text) return text('TextSource', { ...s.text, guid: s.guid, name: s.name });
  if (s.kind === 'PDFSource') {
    return el('PDFSource', { guid: s.guid, name: s.name, path: s.path, creatingUser: s.creatingUser, creationDateTime: s.creationDateTime }, [
      ...textEl('Description', s.description),
      ...(s.text ? [text('Representation', s.text)] : []),
      ...refEls('NoteRef', s.noteRefs),
    ]);
  }
  return null;
}

const caseEl = (c: RefiCase): OutElement =>
  el('Case', { guid: c.guid, name: c.name }, [
    ...textEl('Description', c.description),
    ...refEls('CodeRef', c.codeRefs),
    ...c.values.map(value),
    ...refEls('SourceRef', c.sourceRefs),
    ...refEls('SelectionRef', c.selectionRefs),
  ]);

export function writeProject(p: RefiProject): Uint8Array {
  return serializeXml(
    el(
      'Project',
      {
        xmlns: PROJECT_NAMESPACE,
        'xmlns:xsi': XSI,
        'xsi:schemaLocation': `${PROJECT_NAMESPACE} Project.xsd`,
        name: p.name ?? '',
        origin: p.origin,
        creatingUserGUID: p.creatingUser,
      },
      [
        ...list('Users', p.users.map((u) => el('User', { guid: u.guid, name: u.name, id: u.id }))),
        ...(p.codes.length ? [el('CodeBook', {}, [el('Codes', {}, p.codes.map((c) => code(c, true)))])] : []),
        ...list(
          'Variables',
          p.variables.map((v) => el('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type ?? 'Text' }, textEl('Description', v.description))),
        ),
        ...list('Cases', p.cases.map(caseEl)),
        ...list('Sources', p.sources.flatMap((s) => source(s) ?? [])),
        ...list('Notes', p.notes.map((n) => text('Note', n))),
        ...list('Links', p.links.map((l) => el('Link', { guid: l.guid, name: l.name, direction: 'OneWay', originGUID: l.origin, targetGUID: l.target }))),
        ...textEl('Description', p.description),
        ...refEls('NoteRef', p.noteRefs),
      ],
    ),
  );
}

export function writeCodebook(c: RefiCodebook): Uint8Array {
  return serializeXml(
    el(
      'CodeBook',
      { xmlns: CODEBOOK_NAMESPACE, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${CODEBOOK_NAMESPACE} Codebook.xsd`, origin: c.origin },
      [el('Codes', {}, c.codes.map((k) => code(k, false)))],
    ),
  );
}
