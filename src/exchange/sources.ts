// REFI sources → the documents Crosswise will create, before anything is written.
//
// Text comes from the plain-text file (or inline content; the rich-text file
// only when no plain text is there). PDFs keep their text representation and
// the PDF itself; audio and video keep their transcripts; pictures keep a text
// description if they have one. Selections are placed with the position unit
// detected for the whole file (formats/refi/positions.ts).

import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { normaliseText, type NormalisedText } from '../core/text/offsets.ts';
import { decodeText } from '../formats/encoding.ts';
import { extractorFor, extensionOf } from '../formats/registry.ts';
import type { Limits } from '../formats/types.ts';
import { lookupPath, type RefiArchive } from '../formats/refi/archive.ts';
import { detectPositions, UNIT_LABELS, type Placed, type RawSelection } from '../formats/refi/positions.ts';
import type { RefiCoding, RefiProject, RefiSource, RefiText, Stamp } from '../formats/refi/model.ts';
import type { ReportBuilder } from './report.ts';

export interface PlannedSelection extends Stamp {
  guid: string;
  name?: string;
  placed: Placed;
  codings: RefiCoding[];
  description?: string;
  noteRefs: string[];
}

export interface PlannedDocument {
  /** GUIDs that stand for this document (source, representation, transcript). */
  guids: string[];
  name: string;
  text: NormalisedText;
  encoding: string;
  original?: { filename: string; mediaType: string; bytes: Uint8Array };
  selections: PlannedSelection[];
  /** Codings of the whole source, applied to the whole text. */
  wholeCodings: RefiCoding[];
  noteRefs: string[];
}

export interface SourcePlan {
  documents: PlannedDocument[];
  /** The position unit chosen, for the report. */
  positions?: string;
}

const MEDIA_TYPES: Record<string, string> = {
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
};
const mediaTypeOf = (name: string) => MEDIA_TYPES[extensionOf(name)] ?? 'application/octet-stream';

/** The archive entries a project's sources and notes point at. */
export function referencedEntries(p: RefiProject, archive: RefiArchive): Set<string> {
  const paths = [
    ...p.sources.flatMap((s) => [s.path, s.text?.plainTextPath, s.text?.richTextPath, ...s.transcripts.flatMap((t) => [t.plainTextPath, t.richTextPath])]),
    ...p.notes.map((n) => n.plainTextPath),
  ];
  const entries = new Set<string>();
  for (const path of paths) {
    if (!path) continue;
    const found = lookupPath(archive, path);
    if ('entry' in found) entries.add(found.entry);
  }
  return entries;
}

interface Context {
  archive: RefiArchive;
  files: ReadonlyMap<string, Uint8Array>;
  limits: Limits;
  report: ReportBuilder;
}

function fileAt(ctx: Context, path: string | undefined, label: string): { entry: string; bytes: Uint8Array } | undefined {
  if (!path) return undefined;
  const found = lookupPath(ctx.archive, path);
  if ('missing' in found) {
    ctx.report.dropped('source files', found.missing, `${label}: ${path}`);
    return undefined;
  }
  if (found.note) ctx.report.changed('source paths', found.note, path);
  const bytes = ctx.files.get(found.entry);
  return bytes ? { entry: found.entry, bytes } : undefined;
}

interface LoadedText {
  raw: string;
  encoding: string;
  entry?: string;
  bytes?: Uint8Array;
}

/** Decodes a text file; REFI says UTF-8, and anything else is read as best we can and reported. */
function decode(ctx: Context, bytes: Uint8Array, label: string): { raw: string; encoding: string } | undefined {
  try {
    const d = decodeText(bytes);
    if (d.encoding !== 'utf-8') ctx.report.changed('texts', `not UTF-8 as REFI-QDA requires: read as ${d.encoding}`, label);
    return { raw: (d.bom ? '\ufeff' : '') + d.text, encoding: d.encoding };
  } catch (err) {
    ctx.report.dropped('sources', `the text file cannot be read: ${(err as Error).message}`, label);
    return undefined;
  }
}

async function loadText(ctx: Context, t: RefiText, label: string): Promise<LoadedText | undefined> {
  const plain = fileAt(ctx, t.plainTextPath, label);
  if (plain) {
    const d = decode(ctx, plain.bytes, label);
    return d && { ...d, entry: plain.entry, bytes: plain.bytes };
  }
  if (t.plainTextContent !== undefined) return { raw: t.plainTextContent, encoding: 'utf-8' };
  const rich = t.plainTextPath ? undefined : fileAt(ctx, t.richTextPath, label);
  const extractor = rich && extractorFor(rich.entry);
  if (rich && extractor) {
    try {
      const extracted = await extractor.extract(rich.bytes, ctx.limits);
      ctx.report.changed('texts', 'no plain text in the file: text taken from the rich-text original (positions may differ from the other tool)', label);
      return { raw: extracted.text, encoding: extracted.encoding ?? 'utf-8' };
    } catch (err) {
      ctx.report.dropped('sources', `the rich-text file cannot be read: ${(err as Error).message}`, label);
    }
  }
  return undefined;
}

function uniqueName(taken: Set<string>, wanted: string, report: ReportBuilder): string {
  const base = wanted.trim() || 'Untitled source';
  let name = base;
  for (let n = 2; taken.has(name.toLocaleLowerCase()); n++) name = `${base} (${n})`;
  if (name !== wanted) report.changed('documents', 'name missing or used twice: renamed', name);
  taken.add(name.toLocaleLowerCase());
  return name;
}

interface Draft {
  guids: string[];
  name: string;
  loaded: LoadedText;
  normalised: NormalisedText;
  original?: PlannedDocument['original'];
  raws: (RawSelection & Omit<PlannedSelection, 'placed' | 'name'>)[];
  wholeCodings: RefiCoding[];
  noteRefs: string[];
}

function reportMedia(ctx: Context, s: RefiSource, representationGuids: ReadonlySet<string>) {
  const label = s.name ?? s.guid;
  const lost = s.mediaSelections.filter((m) => !representationGuids.has(m.guid));
  for (const m of lost) {
    ctx.report.dropped('selections', `${m.kind} (a region or stretch of media): Crosswise codes text only`, m.name ?? label);
    ctx.report.dropped('codings', `on a ${m.kind}: Crosswise codes text only`, m.name ?? label, m.codings.length);
  }
  if (s.kind === 'PictureSource' || s.kind === 'AudioSource' || s.kind === 'VideoSource') {
    ctx.report.dropped('media', `${s.kind}: Crosswise keeps text only (a text description or transcript, if any, is kept)`, label);
  }
  if (s.codings.length) ctx.report.dropped('codings', `of a whole ${s.kind}: Crosswise codes text only`, label, s.codings.length);
  if (s.values.length || s.text?.values.length) {
    ctx.report.dropped('variable values', 'on a source: Crosswise keeps attributes on cases, not documents', label, s.values.length + (s.text?.values.length ?? 0));
  }
}

/** Plans every document of the project, placing selections with one detected position unit. */
export async function planSources(p: RefiProject, archive: RefiArchive, files: ReadonlyMap<string, Uint8Array>, limits: Limits, report: ReportBuilder): Promise<SourcePlan> {
  const ctx: Context = { archive, files, limits, report };
  const drafts: Draft[] = [];
  const byEntry = new Map<string, Draft>();
  const names = new Set<string>();
  const seenOriginals = new Set<string>();

  const addText = async (t: RefiText, guids: string[], name: string, originalFile?: { entry: string; bytes: Uint8Array }) => {
    const label = name;
    const loaded = await loadText(ctx, t, label);
    if (!loaded) {
      report.dropped('sources', 'no text could be found for it', label);
      const codings = t.selections.reduce((n, s) => n + s.codings.length, 0);
      report.dropped('selections', 'their source has no text in the archive', label, t.selections.length);
      report.dropped('codings', 'their source has no text in the archive', label, codings + t.codings.length);
      return;
    }
    const twin = loaded.entry ? byEntry.get(loaded.entry) : undefined;
    const draft: Draft = twin ?? { guids: [], name: uniqueName(names, name, report), loaded, normalised: normaliseText(loaded.raw), raws: [], wholeCodings: [], noteRefs: [] };
    if (!twin) {
      const rich = fileAt(ctx, t.richTextPath, label);
      const file = originalFile ?? rich ?? (loaded.entry && loaded.bytes ? { entry: loaded.entry, bytes: loaded.bytes } : undefined);
      if (file) {
        const key = createHash('sha256').update(file.bytes).digest('hex');
        if (seenOriginals.has(key)) report.changed('documents', 'same original file as another source: kept once', name);
        else {
          seenOriginals.add(key);
          const ext = extensionOf(file.entry);
          const filename = extensionOf(name) === ext ? name : `${name}.${ext}`;
          draft.original = { filename, mediaType: mediaTypeOf(file.entry), bytes: file.bytes };
        }
      }
      drafts.push(draft);
      if (loaded.entry) byEntry.set(loaded.entry, draft);
    }
    draft.guids.push(...guids);
    draft.wholeCodings.push(...t.codings);
    draft.noteRefs.push(...t.noteRefs);
    for (const s of t.selections) draft.raws.push({ ...s, start: s.start, end: s.end, name: s.name });
  };

  for (const s of p.sources) {
    const name = s.name ?? s.text?.name ?? (s.path ? basename(s.path) : `Source ${drafts.length + 1}`);
    const representation = new Set(s.text?.selections.map((x) => x.guid) ?? []);
    reportMedia(ctx, s, representation);
    if (s.text) {
      const pdf = s.kind === 'PDFSource' ? fileAt(ctx, s.path, name) : undefined;
      if (s.kind === 'PDFSource') report.changed('documents', 'PDF source imported as its text representation', name);
      await addText(s.text, [s.guid, s.text.guid], name, pdf);
    }
    for (const t of s.transcripts) {
      const byTime = new Map(t.syncPoints.map((sp) => [sp.guid, sp.position]));
      const fromSync = t.transcriptSelections.map((x) => ({
        guid: x.guid,
        name: x.name,
        start: x.fromSyncPoint ? (byTime.get(x.fromSyncPoint) ?? NaN) : NaN,
        end: x.toSyncPoint ? (byTime.get(x.toSyncPoint) ?? NaN) : NaN,
        codings: x.codings,
        description: x.description,
        noteRefs: x.noteRefs,
        creatingUser: x.creatingUser,
        creationDateTime: x.creationDateTime,
      }));
      if (t.syncPoints.length) report.dropped('sync points', 'transcript timing: Crosswise keeps the transcript text without media', t.name ?? name, t.syncPoints.length);
      await addText({ ...t, selections: [...t.selections, ...fromSync] }, [s.guid, t.guid], t.name ?? `${name} transcript`);
    }
  }

  const detection = detectPositions(
    drafts.map((d) => ({ text: { raw: d.loaded.raw, normalised: d.normalised }, selections: d.raws })),
    p.origin,
  );
  const documents = drafts.map((d, i): PlannedDocument => ({
    guids: d.guids,
    name: d.name,
    text: d.normalised,
    encoding: d.loaded.encoding,
    original: d.original,
    wholeCodings: d.wholeCodings,
    noteRefs: d.noteRefs,
    selections: d.raws.map((r, j) => ({
      guid: r.guid,
      name: r.name,
      placed: detection.placed[i]![j]!,
      codings: r.codings,
      description: r.description,
      noteRefs: r.noteRefs,
      creatingUser: r.creatingUser,
      creationDateTime: r.creationDateTime,
    })),
  }));
  const total = drafts.reduce((n, d) => n + d.raws.length, 0);
  if (detection.ambiguous && detection.unit !== 'code-points') {
    report.changed('selections', `positions counted in ${UNIT_LABELS[detection.unit]}: converted to code points`, undefined, total);
  }
  return { documents, positions: total ? UNIT_LABELS[detection.unit] : undefined };
}
