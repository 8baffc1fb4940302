// A .qdpx (or bare .qde) → a new Crosswise project, in one transaction.
//
// Everything is read, checked and planned before the project is created, and
// the project is created with all its content in one transaction
// (Store.createProject's fill), so a refused or broken file leaves nothing.

import type { Actor, AttributeType, AttributeValue, CaseId, CaseKind, CodeId, DocumentId, MemoTarget, SegmentId, UserId } from '../core/model.ts';
import { CASE_KINDS } from '../core/model.ts';
import { parseAttributeValue } from '../core/invariants/attributes.ts';
import { detectLanguage } from '../core/text/language.ts';
import { detectTurns } from '../core/text/turns.ts';
import { DEFAULT_LIMITS, type Limits } from '../formats/types.ts';
import { lookupPath, openArchive, readArchiveFiles } from '../formats/refi/archive.ts';
import { decodeUtf8, parseXml } from '../formats/refi/xml.ts';
import { readProject } from '../formats/refi/read.ts';
import type { RefiCase, RefiCoding, RefiProject, RefiVariableType } from '../formats/refi/model.ts';
import type { ProjectStore, Store } from '../store/store.ts';
import { planCodes, writeCodes } from './codes.ts';
import { planSources, referencedEntries, type PlannedDocument, type SourcePlan } from './sources.ts';
import { ReportBuilder, type ExchangeReport } from './report.ts';
import { CASE_KIND_VARIABLE, CASE_PARENT_VARIABLE, isCrosswiseOrigin } from './conventions.ts';

export interface ImportOptions {
  /** Title of the new project; default the project's name in the file. */
  title?: string;
  limits?: Limits;
}

export interface ImportResult {
  project: ProjectStore;
  report: ExchangeReport;
}

const TYPES: Record<RefiVariableType, AttributeType> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'integer',
  Float: 'float',
  Date: 'date',
  DateTime: 'datetime',
};

/** A REFI timestamp as ISO 8601 UTC, or undefined if it is not one. */
const isoTime = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

function codedKeys(p: RefiProject): Set<string> {
  const keys = new Set<string>();
  const add = (codings: readonly RefiCoding[]) => codings.forEach((c) => c.code && keys.add(c.code));
  for (const s of p.sources) {
    add(s.codings);
    s.mediaSelections.forEach((m) => add(m.codings));
    for (const t of [...(s.text ? [s.text] : []), ...s.transcripts]) {
      add(t.codings);
      t.selections.forEach((x) => add(x.codings));
    }
    s.transcripts.forEach((t) => t.transcriptSelections.forEach((x) => add(x.codings)));
  }
  return keys;
}

/** Writes the planned project, remembering what each REFI GUID became (memo targets). */
class Importer {
  readonly users = new Map<string, UserId>();
  readonly codes = new Map<string, CodeId>();
  readonly cases = new Map<string, CaseId>();
  readonly targets = new Map<string, MemoTarget>();
  private fallbackUser?: UserId;

  constructor(
    private readonly project: ProjectStore,
    private readonly p: RefiProject,
    private readonly report: ReportBuilder,
  ) {}

  async writeUsers(): Promise<void> {
    const byName = new Map<string, UserId>();
    for (const [i, u] of this.p.users.entries()) {
      const name = (u.name ?? u.id ?? '').trim() || `User ${i + 1}`;
      if (name !== u.name) this.report.changed('users', 'no name: named from the id or by number', name);
      const key = name.toLocaleLowerCase();
      let id = byName.get(key);
      if (id) this.report.changed('users', 'two users with the same name: merged into one coder', name);
      else {
        id = (await this.project.createUser({ name, role: 'coder' })).id;
        byName.set(key, id);
        this.report.count('users');
      }
      this.users.set(u.guid, id);
    }
    if (this.p.users.length) this.report.changed('users', 'REFI-QDA has no roles: every user became a coder', undefined, this.p.users.length);
  }

  /** The user for a REFI user GUID; unknown ones fall back to the project's creator, else the first user, else a new one. */
  async user(guid: string | undefined, what: string): Promise<UserId> {
    const known = guid ? this.users.get(guid) : undefined;
    if (known) return known;
    if (!this.fallbackUser) {
      this.fallbackUser =
        (this.p.creatingUser && this.users.get(this.p.creatingUser)) ||
        this.users.values().next().value ||
        (await this.project.createUser({ name: 'REFI-QDA import', role: 'coder' })).id;
    }
    this.report.changed(what, 'no known creating user: attributed to the project creator (or the first user)');
    return this.fallbackUser;
  }

  async writeCodes(): Promise<void> {
    const tree = planCodes(this.p.codes, codedKeys(this.p), isCrosswiseOrigin(this.p.origin), this.report);
    for (const [key, id] of await writeCodes(this.project, tree, this.report)) {
      this.codes.set(key, id);
      this.targets.set(key, { kind: 'code', id });
    }
  }

  async writeCases(documentIndex: Map<string, number>): Promise<Map<number, CaseId>> {
    const attrs = new Map<string, { name: string; type: AttributeType }>();
    const names = new Set<string>();
    const reserved = new Map<string, 'kind' | 'parent'>();
    for (const v of this.p.variables) {
      if (v.name === CASE_KIND_VARIABLE || v.name === CASE_PARENT_VARIABLE) {
        reserved.set(v.guid, v.name === CASE_KIND_VARIABLE ? 'kind' : 'parent');
        continue;
      }
      let name = v.name.trim() || 'Unnamed variable';
      for (let n = 2; names.has(name.toLocaleLowerCase()); n++) name = `${v.name.trim()} (${n})`;
      if (name !== v.name) this.report.changed('variables', 'name missing or used twice: renamed', name);
      names.add(name.toLocaleLowerCase());
      const type = v.type ? TYPES[v.type] : 'text';
      if (!v.type) this.report.changed('variables', 'unknown typeOfVariable: read as text', name);
      await this.project.defineAttribute({ name, type, description: v.description ?? '' });
      this.report.count('attributes');
      attrs.set(v.guid, { name, type });
    }

    const plans = this.p.cases.map((c, i) => this.planCase(c, i, attrs, reserved));
    const byGuid = new Map(plans.map((pl) => [pl.guid, pl]));
    const created = new Map<string, CaseId>();
    const siblingNames = new Map<CaseId | null, Set<string>>();
    const create = async (pl: (typeof plans)[number], trail: Set<string>): Promise<CaseId> => {
      const done = created.get(pl.guid);
      if (done) return done;
      let parentId: CaseId | null = null;
      const parent = pl.parent ? byGuid.get(pl.parent) : undefined;
      if (parent && !trail.has(parent.guid)) parentId = await create(parent, new Set([...trail, pl.guid]));
      else if (pl.parent) this.report.changed('cases', 'parent case missing or circular: placed at the top', pl.name);
      const taken = siblingNames.get(parentId) ?? new Set<string>();
      siblingNames.set(parentId, taken);
      let name = pl.name;
      for (let n = 2; taken.has(name.toLocaleLowerCase()); n++) name = `${pl.name} (${n})`;
      if (name !== pl.name) this.report.changed('cases', 'the same name twice: numbered', name);
      taken.add(name.toLocaleLowerCase());
      const c = await this.project.createCase({ kind: pl.kind, name, parentId, description: pl.description, attributes: pl.attributes });
      this.report.count('cases');
      created.set(pl.guid, c.id);
      this.targets.set(pl.guid, { kind: 'case', id: c.id });
      return c.id;
    };
    for (const pl of plans) await create(pl, new Set());

    const caseOfDocument = new Map<number, CaseId>();
    for (const c of this.p.cases) {
      for (const ref of c.sourceRefs) {
        const doc = documentIndex.get(ref);
        if (doc === undefined) continue;
        if (caseOfDocument.has(doc)) this.report.changed('documents', 'belongs to several cases: linked to the first', ref);
        else caseOfDocument.set(doc, created.get(c.guid)!);
      }
    }
    return caseOfDocument;
  }

  private planCase(c: RefiCase, i: number, attrs: Map<string, { name: string; type: AttributeType }>, reserved: Map<string, 'kind' | 'parent'>) {
    const name = c.name?.trim() || `Case ${i + 1}`;
    if (!c.name?.trim()) this.report.changed('cases', 'a case without a name was named by number', name);
    let kind: CaseKind = 'participant';
    let parent: string | undefined;
    const attributes: Record<string, AttributeValue> = {};
    for (const v of c.values) {
      const role = reserved.get(v.variable);
      if (role === 'kind' && CASE_KINDS.includes(v.raw as CaseKind)) kind = v.raw as CaseKind;
      else if (role === 'parent') parent = v.raw.trim().toLowerCase();
      if (role) continue;
      const attr = attrs.get(v.variable);
      if (!attr) {
        this.report.dropped('variable values', 'their variable is not declared in <Variables>', name);
        continue;
      }
      try {
        const raw = attr.type === 'date' ? v.raw.trim().slice(0, 10) : v.raw;
        attributes[attr.name] = parseAttributeValue(attr.type, raw, attr.name);
        this.report.count('attribute values');
      } catch (err) {
        this.report.dropped('variable values', `not a valid value of the variable's type (${(err as Error).message})`, `${name}: ${attr.name}`);
      }
    }
    if (c.codeRefs.length) this.report.dropped('case codes', 'a case coded with a code: Crosswise codes text, not cases', name, c.codeRefs.length);
    if (c.selectionRefs.length) this.report.dropped('case selections', 'a case made of selections: Crosswise links cases to whole documents', name, c.selectionRefs.length);
    return { guid: c.guid, name, kind, parent, description: c.description ?? '', attributes };
  }

  async writeDocument(d: PlannedDocument, caseId: CaseId | undefined): Promise<DocumentId> {
    const text = d.text.text;
    const doc = await this.project.addDocument({
      name: d.name,
      text,
      language: detectLanguage(text),
      turns: detectTurns(text),
      caseId: caseId ?? null,
      importInfo: { format: 'refi-qda', encoding: d.encoding, lineEndings: d.text.lineEndings, bom: d.text.hadBom },
      original: d.original,
    });
    this.report.count('documents');
    for (const g of d.guids) this.targets.set(g, { kind: 'document', id: doc.id });
    return doc.id;
  }

  /** Applies a selection's codings; returns the segment, or undefined if none was kept. */
  async code(documentId: DocumentId, range: { start: number; end: number }, codings: readonly RefiCoding[], label: string, stamp: { creatingUser?: string; creationDateTime?: string }): Promise<SegmentId | undefined> {
    let segment: SegmentId | undefined;
    const seen = new Set<string>();
    for (const c of codings) {
      const codeId = c.code ? this.codes.get(c.code) : undefined;
      if (!codeId) {
        this.report.dropped('codings', 'their code is not in the codebook', label);
        continue;
      }
      const coderId = await this.user(c.creatingUser ?? stamp.creatingUser, 'codings');
      const createdAt = isoTime(c.creationDateTime ?? stamp.creationDateTime);
      const coded = await this.project.applyCode({ documentId, ...range, codeId, coderId, createdAt });
      if (seen.has(coded.id)) this.report.changed('codings', 'the same code by the same coder twice on one selection: kept once', label);
      else {
        seen.add(coded.id);
        this.report.count('codings');
      }
      segment = coded.segmentId;
      this.targets.set(c.guid, { kind: 'segment', id: segment });
    }
    return segment;
  }

  async memo(target: MemoTarget, author: string | undefined, title: string, text: string): Promise<void> {
    await this.project.addMemo({ target, authorId: await this.user(author, 'memos'), title, text });
    this.report.count('memos');
  }
}

async function fill(project: ProjectStore, p: RefiProject, plan: SourcePlan, report: ReportBuilder): Promise<void> {
  const im = new Importer(project, p, report);
  await im.writeUsers();
  await im.writeCodes();
  const documentIndex = new Map<string, number>();
  plan.documents.forEach((d, i) => d.guids.forEach((g) => documentIndex.set(g, i)));
  const caseOfDocument = await im.writeCases(documentIndex);

  const descriptions: { target: MemoTarget; author?: string; title: string; text: string }[] = [];
  const segmentsCounted = new Set<string>();
  for (const [i, d] of plan.documents.entries()) {
    const docId = await im.writeDocument(d, caseOfDocument.get(i));
    const whole = { start: 0, end: d.text.map.normalisedLength };
    if (d.wholeCodings.length && whole.end > 0) {
      report.changed('codings', 'coding of a whole source: applied to its whole text', d.name, d.wholeCodings.length);
      await im.code(docId, whole, d.wholeCodings, d.name, {});
    }
    for (const s of d.selections) {
      const label = s.name ?? d.name;
      const documentTarget: MemoTarget = { kind: 'document', id: docId };
      let target: MemoTarget = documentTarget;
      if ('problem' in s.placed) {
        report.dropped('selections', s.placed.problem, label);
        if (s.codings.length) report.dropped('codings', `their selection was dropped (${s.placed.problem})`, label, s.codings.length);
      } else if (s.codings.length === 0) {
        if (!s.description && !s.noteRefs.length) report.dropped('selections', 'not coded and without notes: Crosswise keeps coded passages', label);
      } else {
        const segment = await im.code(docId, s.placed, s.codings, label, s);
        if (segment) {
          target = { kind: 'segment', id: segment };
          if (!segmentsCounted.has(segment)) report.count('selections');
          segmentsCounted.add(segment);
        }
      }
      if (target.kind === 'document' && (s.description || s.noteRefs.length)) {
        report.changed('memos', 'on a passage Crosswise does not keep (uncoded or unplaceable): attached to its document', label);
      }
      im.targets.set(s.guid, target);
      if (s.description?.trim()) descriptions.push({ target, author: s.creatingUser, title: s.name ?? '', text: s.description });
    }
  }
  for (const m of descriptions) await im.memo(m.target, m.author, m.title, m.text);
  if (descriptions.length) report.changed('memos', 'selection descriptions became memos on their passage', undefined, descriptions.length);
  await writeNotes(im, p, plan, report);
}

/** Notes become memos on what they are linked to (NoteRef or Link); unlinked notes are about the project. */
async function writeNotes(im: Importer, p: RefiProject, plan: SourcePlan, report: ReportBuilder): Promise<void> {
  const linked = new Map<string, string[]>();
  const link = (note: string, target: string) => linked.set(note, [...(linked.get(note) ?? []), target]);
  const noteGuids = new Set(p.notes.map((n) => n.guid));
  const walkCodes = (codes: RefiProject['codes']) => codes.forEach((c) => (c.noteRefs.forEach((n) => link(n, c.guid)), walkCodes(c.children)));
  walkCodes(p.codes);
  for (const d of plan.documents) {
    d.noteRefs.forEach((n) => link(n, d.guids[0]!));
    for (const s of d.selections) {
      s.noteRefs.forEach((n) => link(n, s.guid));
      s.codings.forEach((c) => c.noteRefs.forEach((n) => link(n, c.guid)));
    }
  }
  for (const s of p.sources) {
    s.noteRefs.forEach((n) => link(n, s.guid));
    s.mediaSelections.forEach((m) => m.noteRefs.forEach((n) => link(n, m.guid)));
  }
  for (const l of p.links) {
    if (l.origin && noteGuids.has(l.origin) && l.target) link(l.origin, l.target);
    else if (l.target && noteGuids.has(l.target) && l.origin) link(l.target, l.origin);
    else report.dropped('links', 'a link between two objects: Crosswise has no links', l.name ?? l.guid);
  }
  const mediaOwner = new Map(p.sources.flatMap((s) => s.mediaSelections.map((m) => [m.guid, s.guid] as const)));
  for (const note of p.notes) {
    const content = note.plainTextContent ?? '';
    const text = [note.description, content].filter((x) => x?.trim()).join('\n\n');
    const label = note.name ?? note.guid;
    if (!text.trim()) {
      report.dropped('notes', 'empty (no text in the file)', label);
      continue;
    }
    if (note.description?.trim() && content.trim()) report.changed('memos', "the note's description was put before its text", label);
    const refs = linked.get(note.guid) ?? [];
    const direct = refs.flatMap((g) => im.targets.get(g) ?? []);
    const viaMedia = refs.flatMap((g) => im.targets.get(mediaOwner.get(g) ?? '') ?? []);
    const resolved = [...direct, ...viaMedia];
    if (refs.length && !resolved.length) report.changed('memos', 'linked to something Crosswise did not keep: attached to the project', label);
    else if (!direct.length && viaMedia.length) report.changed('memos', 'linked to a media selection: attached to its source', label);
    if (resolved.length > 1) report.changed('memos', 'linked to several things: attached to the first', label);
    await im.memo(resolved[0] ?? { kind: 'project' }, note.creatingUser, note.name ?? '', text);
  }
  if (p.notes.length) report.changed('memos', 'REFI note dates are not kept: each memo is dated at the import', undefined, p.notes.length);
  if (p.sets.length) {
    const members = p.sets.reduce((n, s) => n + s.memberCodes.length + s.memberSources.length + s.memberNotes.length, 0);
    report.dropped('sets', `code and document groups have no place in Crosswise yet (${members} memberships)`, p.sets[0]!.name, p.sets.length);
  }
  if (p.graphs) report.dropped('graphs', 'network diagrams have no place in Crosswise', undefined, p.graphs);
}

/** Reads and checks a REFI file without touching any store: the project, its files and the deviations. */
async function readQdpx(bytes: Uint8Array, limits: Limits, report: ReportBuilder) {
  const archive = openArchive(bytes, limits);
  const { value: p, deviations } = readProject(parseXml(archive.qde, 'the project file'));
  const files = readArchiveFiles(bytes, limits, referencedEntries(p, archive));
  for (const n of p.notes) {
    const found = n.plainTextContent === undefined && n.plainTextPath ? lookupPath(archive, n.plainTextPath) : undefined;
    const file = found && 'entry' in found ? files.get(found.entry) : undefined;
    if (file) n.plainTextContent = decodeUtf8(file, `note "${n.name ?? n.guid}"`);
  }
  const plan = await planSources(p, archive, files, limits, report);
  return { p, plan, deviations };
}

/** Imports a .qdpx (or .qde) as a new project: all of it in one transaction, or nothing. */
export async function importQdpx(store: Store, bytes: Uint8Array, actor: Actor, options: ImportOptions = {}): Promise<ImportResult> {
  const report = new ReportBuilder();
  const { p, plan, deviations } = await readQdpx(bytes, options.limits ?? DEFAULT_LIMITS, report);
  const title = options.title?.trim() || p.name?.trim() || 'Imported project';
  const project = await store.createProject({ title, description: p.description ?? '' }, actor, (project) => fill(project, p, plan, report));
  return { project, report: report.build({ direction: 'import', format: 'qdpx', origin: p.origin ?? null, positions: plan.positions }, deviations) };
}
