// A Crosswise project → a .qdpx (project.qde + sources/) or a .qdc codebook,
// with stable GUIDs (guid.ts) and a report of what REFI-QDA cannot carry.

import type { AttributeType, AttributeValue, Code, CodedSegment, Memo, Project } from '../core/model.ts';
import { invalid } from '../core/errors.ts';
import type { ProjectStore } from '../store/store.ts';
import { extensionOf } from '../formats/registry.ts';
import { writeArchive } from '../formats/refi/archive.ts';
import { writeCodebook, writeProject } from '../formats/refi/write.ts';
import { isXmlSafe } from '../formats/refi/xml.ts';
import type { RefiCase, RefiCode, RefiNote, RefiProject, RefiSource, RefiText, RefiTextSelection, RefiValue, RefiVariable, RefiVariableType } from '../formats/refi/model.ts';
import { CASE_KIND_VARIABLE, CASE_PARENT_VARIABLE, CROSSWISE_ORIGIN } from './conventions.ts';
import { describeCode } from './codes.ts';
import { stableGuid } from './guid.ts';
import { ReportBuilder, type ExchangeReport } from './report.ts';

export interface ExportResult {
  bytes: Uint8Array;
  report: ExchangeReport;
}

const TYPES: Record<AttributeType, RefiVariableType> = {
  text: 'Text',
  boolean: 'Boolean',
  integer: 'Integer',
  float: 'Float',
  date: 'Date',
  datetime: 'DateTime',
};

/** A value as its REFI (XSD) lexical form: decimals without exponents, date-times with seconds. */
function lexical(type: AttributeType, value: AttributeValue): string {
  if (type === 'float' && typeof value === 'number') return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  if (type === 'datetime' && typeof value === 'string') return value.replace(/T(\d\d:\d\d)(?=$|Z|[+-])/, 'T$1:00');
  return String(value);
}

const shorten = (text: string, max = 60) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

/** Text for XML, reporting characters XML 1.0 cannot carry (they become U+FFFD). */
function safe(report: ReportBuilder, what: string, text: string, label: string): string {
  if (!isXmlSafe(text)) report.changed(what, 'contains control characters XML cannot carry: replaced by U+FFFD', label);
  return text;
}

class Exporter {
  readonly report = new ReportBuilder();
  constructor(
    readonly project: ProjectStore,
    readonly info: Project,
  ) {}

  guid(kind: string, id: string): string {
    return stableGuid(this.info.id, kind, id);
  }

  codeTree(codes: readonly Code[], memos: readonly Memo[], inProject: boolean): RefiCode[] {
    const build = (parentId: string | null): RefiCode[] =>
      codes
        .filter((c) => c.parentId === parentId)
        .map((c) => {
          if (c.inclusion || c.exclusion || c.example) {
            this.report.changed('codes', 'inclusion and exclusion criteria and example written into the Description under labels', c.name);
          }
          return {
            guid: this.guid('code', c.id),
            name: safe(this.report, 'codes', c.name, c.name),
            isCodable: c.codable,
            color: c.color.toUpperCase(),
            description: describeCode(c),
            noteRefs: inProject ? memos.filter((m) => m.target.kind === 'code' && m.target.id === c.id).map((m) => this.guid('memo', m.id)) : [],
            children: build(c.id),
          };
        });
    return build(null);
  }
}

export async function exportQdc(project: ProjectStore): Promise<ExportResult> {
  const ex = new Exporter(project, await project.get());
  const codes = await project.listCodes();
  if (codes.length === 0) throw invalid('the project has no codes: a REFI-QDA codebook needs at least one');
  const memos = (await project.listMemos()).filter((m) => m.target.kind === 'code');
  const bytes = writeCodebook({ origin: CROSSWISE_ORIGIN, codes: ex.codeTree(codes, memos, false), sets: [] });
  ex.report.count('codes', codes.length);
  ex.report.dropped('memos', 'memos on codes: a REFI-QDA codebook has no notes (export the whole project to keep them)', undefined, memos.length);
  return { bytes, report: ex.report.build({ direction: 'export', format: 'qdc', origin: CROSSWISE_ORIGIN }) };
}

export async function exportQdpx(project: ProjectStore): Promise<ExportResult> {
  const info = await project.get();
  const ex = new Exporter(project, info);
  const { report } = ex;
  const [users, codes, attributes, cases, summaries, codings, memos, interviews, guide] = await Promise.all([
    project.listUsers(),
    project.listCodes(),
    project.listAttributes(),
    project.listCases(),
    project.listDocuments(),
    project.listCodings(),
    project.listMemos(),
    project.listInterviews(),
    project.guide(),
  ]);
  const memoGuids = (kind: Memo['target']['kind'], id?: string) =>
    memos.filter((m) => m.target.kind === kind && (!id || ('id' in m.target && m.target.id === id))).map((m) => ex.guid('memo', m.id));

  const variables: RefiVariable[] = attributes.map((a) => ({ guid: ex.guid('attribute', a.id), name: a.name, type: TYPES[a.type], description: a.description || undefined }));
  const kindVar = { guid: ex.guid('variable', 'case-kind'), name: CASE_KIND_VARIABLE, type: 'Text' as const, description: 'Crosswise: site, organisation or participant' };
  const parentVar = { guid: ex.guid('variable', 'parent-case'), name: CASE_PARENT_VARIABLE, type: 'Text' as const, description: 'Crosswise: GUID of the enclosing case' };
  if (cases.length) {
    variables.push(kindVar, parentVar);
    report.changed('cases', `case kinds and the case tree written as the variables "${CASE_KIND_VARIABLE}" and "${CASE_PARENT_VARIABLE}"`, undefined, cases.length);
  }
  for (const a of attributes) if (a.caseKinds.length) report.dropped('attribute restrictions', `REFI variables apply to any case: "only for ${a.caseKinds.join(', ')}" is not kept`, a.name);

  const refiCases: RefiCase[] = cases.map((c) => {
    const values: RefiValue[] = [{ variable: kindVar.guid, type: 'Text', raw: c.kind }];
    if (c.parentId) values.push({ variable: parentVar.guid, type: 'Text', raw: ex.guid('case', c.parentId) });
    for (const a of attributes) {
      const v = c.attributes[a.name];
      if (v !== undefined) values.push({ variable: ex.guid('attribute', a.id), type: TYPES[a.type], raw: lexical(a.type, v) });
    }
    return {
      guid: ex.guid('case', c.id),
      name: c.name,
      description: c.description || undefined,
      codeRefs: [],
      values,
      sourceRefs: summaries.filter((d) => d.caseId === c.id).map((d) => ex.guid('document', d.id)),
      selectionRefs: [],
    };
  });
  const caseMemos = memos.filter((m) => m.target.kind === 'case');

  const files = new Map<string, Uint8Array>();
  const sources: RefiSource[] = [];
  const bySegment = new Map<string, CodedSegment[]>();
  for (const c of codings) bySegment.set(c.segmentId, [...(bySegment.get(c.segmentId) ?? []), c]);
  for (const summary of summaries) {
    const doc = await project.getDocument(summary.id);
    const guid = ex.guid('document', doc.id);
    const textBytes = new TextEncoder().encode(doc.text);
    files.set(`${guid}.txt`, textBytes);
    const segments = [...bySegment.values()].filter((cs) => cs[0]!.documentId === doc.id).sort((a, b) => a[0]!.start - b[0]!.start || a[0]!.end - b[0]!.end);
    const selections: RefiTextSelection[] = segments.map((cs) => {
      const first = [...cs].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
      return {
        guid: ex.guid('segment', first.segmentId),
        name: shorten(first.quote.exact),
        start: first.start,
        end: first.end,
        creatingUser: ex.guid('user', first.coderId),
        creationDateTime: first.createdAt,
        codings: cs.map((c) => ({ guid: ex.guid('coding', c.id), code: ex.guid('code', c.codeId), creatingUser: ex.guid('user', c.coderId), creationDateTime: c.createdAt, noteRefs: [] })),
        noteRefs: memoGuids('segment', first.segmentId),
      };
    });
    report.count('selections', selections.length);
    const text: RefiText = {
      guid,
      name: doc.name,
      plainTextPath: `internal://${guid}.txt`,
      selections,
      codings: [],
      noteRefs: memoGuids('document', doc.id),
      values: [],
      creationDateTime: doc.createdAt,
    };
    const original = doc.original ? await project.originalBytes(doc.id) : null;
    const isPdf = doc.original?.mediaType === 'application/pdf';
    const sameAsText = original !== null && Buffer.from(original).equals(Buffer.from(textBytes));
    let path: string | undefined;
    if (original && doc.original && !sameAsText) {
      const ext = extensionOf(doc.original.filename) || 'bin';
      files.set(`${guid}-original.${ext}`, original);
      path = `internal://${guid}-original.${ext}`;
    }
    if (isPdf && path) {
      sources.push({ kind: 'PDFSource', guid, name: doc.name, path, text: { ...text, guid: ex.guid('representation', doc.id), name: doc.name }, transcripts: [], mediaSelections: [], codings: [], noteRefs: [], values: [] });
    } else {
      sources.push({ kind: 'TextSource', guid, name: doc.name, text: { ...text, richTextPath: path }, transcripts: [], mediaSelections: [], codings: [], noteRefs: [], values: [] });
    }
    report.count('documents');
    if (doc.turns.length || doc.pages.length) report.dropped('document structure', 'speaker turns and page breaks: REFI-QDA has no place for them (Crosswise finds turns again on import)', doc.name);
  }
  report.count('codings', codings.length);

  const notes: RefiNote[] = memos.map((m) => ({
    guid: ex.guid('memo', m.id),
    name: m.title ? safe(report, 'memos', m.title, m.title) : undefined,
    plainTextContent: safe(report, 'memos', m.text, m.title || m.id),
    creatingUser: ex.guid('user', m.authorId),
    creationDateTime: m.createdAt,
    modifiedDateTime: m.updatedAt,
    selections: [],
    codings: [],
    noteRefs: [],
    values: [],
  }));
  report.count('memos', memos.length);

  const refi: RefiProject = {
    name: info.title,
    origin: CROSSWISE_ORIGIN,
    description: info.description || undefined,
    users: users.map((u) => ({ guid: ex.guid('user', u.id), name: u.name })),
    codes: ex.codeTree(codes, memos, true),
    variables,
    cases: refiCases,
    sources,
    notes,
    links: caseMemos.map((m) => ({ guid: ex.guid('link', m.id), name: 'Memo', origin: ex.guid('memo', m.id), target: 'id' in m.target ? ex.guid('case', m.target.id) : undefined })),
    sets: [],
    graphs: 0,
    noteRefs: memoGuids('project'),
  };
  report.count('users', users.length);
  report.count('codes', codes.length);
  report.count('attributes', attributes.length);
  report.count('cases', cases.length);
  if (users.length) report.dropped('user roles', 'REFI-QDA users have no role (lead, coder, interviewer, analyst)', undefined, users.length);
  if (interviews.length) report.dropped('interviews', 'REFI-QDA has no interviews (date, mode, status, interviewer, consent)', undefined, interviews.length);
  if (guide.length) report.dropped('interview guide areas', 'REFI-QDA has no interview guide', undefined, guide.length);
  if (info.objectives.length || info.definitions.length) {
    report.dropped('project details', 'objectives and working definitions: REFI-QDA projects only have a description', undefined, info.objectives.length + info.definitions.length);
  }
  for (const m of await project.listFrameworkMatrices()) {
    report.dropped('framework matrices', 'REFI-QDA has no framework matrices', m.name);
    report.dropped('framework summaries', 'cell summaries of a framework matrix: REFI-QDA has no place for them', m.name, (await project.listFrameworkCells(m.id)).length);
  }
  if (caseMemos.length) report.changed('memos', 'REFI cases have no notes: memos on cases written as a note with a link to the case', undefined, caseMemos.length);
  const bytes = writeArchive(writeProject(refi), files);
  return { bytes, report: report.build({ direction: 'export', format: 'qdpx', origin: CROSSWISE_ORIGIN }) };
}
