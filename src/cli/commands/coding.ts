import type { Command } from 'commander';
import type { CodedSegment, Code, MemoTarget } from '../../core/model.ts';
import { MEMO_TARGET_KINDS } from '../../core/model.ts';
import { invalid } from '../../core/errors.ts';
import { PATH_SEPARATOR, pathOf } from '../../core/invariants/tree.ts';
import { occurrences } from '../../core/text/quote.ts';
import type { ProjectStore } from '../../store/store.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { renderTable, renderTree } from '../render.ts';
import { offsetArg } from '../options.ts';

const codePath = (codes: readonly Code[], id: string) => pathOf(codes, id).join(PATH_SEPARATOR);

/** Codings with names instead of ids, as people read them. */
async function describeCodings(project: ProjectStore, codings: readonly CodedSegment[]) {
  const codes = await project.listCodes();
  const docs = new Map((await project.listDocuments()).map((d) => [d.id, d.name]));
  const users = new Map((await project.listUsers()).map((u) => [u.id, u.name]));
  return codings.map((k) => ({
    ...k,
    code: codePath(codes, k.codeId),
    document: docs.get(k.documentId) ?? k.documentId,
    coder: users.get(k.coderId) ?? k.coderId,
  }));
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const clip = (s: string, n = 70) => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** "project", or KIND:REF with REF an id, a name or a path. */
async function memoTarget(project: ProjectStore, on: string): Promise<MemoTarget> {
  if (on === 'project') return { kind: 'project' };
  const [kind, ...rest] = on.split(':');
  const ref = rest.join(':');
  if (!ref || !MEMO_TARGET_KINDS.includes(kind as MemoTarget['kind'])) {
    throw invalid(`--on takes "project" or document:REF, case:REF, code:REF, segment:ID, not "${on}"`);
  }
  switch (kind) {
    case 'document':
      return { kind, id: (await project.findDocument(ref)).id };
    case 'case':
      return { kind, id: (await project.findCase(ref)).id };
    case 'code':
      return { kind, id: (await project.findCode(ref)).id };
    default:
      return { kind: 'segment', id: ref };
  }
}

export function registerCodingCommands(program: Command): void {
  program
    .command('codes')
    .description('the codebook as a tree, with counts of codings and documents')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const codes = await project.listCodes();
        const codings = await project.listCodings();
        const rows = codes.map((c) => {
          const mine = codings.filter((k) => k.codeId === c.id);
          return { ...c, path: codePath(codes, c.id), codings: mine.length, documents: new Set(mine.map((k) => k.documentId)).size };
        });
        emit(g, rows, () =>
          renderTree(rows, (c) => (c.codable ? `${c.name}  (${plural(c.codings, 'coding')}, ${plural(c.documents, 'document')})` : `${c.name}/`)),
        );
      });
    });

  program
    .command('add-code')
    .description('add a code (or, with --category, a category that only groups codes) to the codebook')
    .requiredOption('--name <name>', 'the new code’s name')
    .option('--parent <id|path|name>', 'the code or category it belongs under')
    .option('--color <#rrggbb>', 'highlight colour')
    .option('--definition <text>', 'what the code means', '')
    .option('--category', 'a category or theme: groups codes, is not applied to text')
    .action(async (opts: { name: string; parent?: string; color?: string; definition: string; category?: boolean }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const parentId = opts.parent ? (await project.findCode(opts.parent)).id : null;
        const code = await project.createCode({ name: opts.name, parentId, color: opts.color, definition: opts.definition, codable: !opts.category });
        const path = codePath(await project.listCodes(), code.id);
        emit(g, { ...code, path }, () => `Added ${opts.category ? 'category' : 'code'} ${path} (${code.id})`);
      });
    });

  program
    .command('move-code')
    .description('move a code under another code or category (or to the top with --top)')
    .requiredOption('--code <id|path|name>', 'the code to move')
    .option('--parent <id|path|name>', 'its new parent')
    .option('--top', 'make it a top-level code')
    .action(async (opts: { code: string; parent?: string; top?: boolean }, command: Command) => {
      const g = globals(command);
      if (!opts.parent === !opts.top) throw invalid('give either --parent or --top');
      await withProject(g, CLI_ACTOR, async (project) => {
        const code = await project.findCode(opts.code);
        const parentId = opts.parent ? (await project.findCode(opts.parent)).id : null;
        const moved = await project.updateCode(code.id, { parentId });
        const path = codePath(await project.listCodes(), moved.id);
        emit(g, { ...moved, path }, () => `Moved to ${path}`);
      });
    });

  program
    .command('code')
    .description('apply a code to a range of a document (code points, end exclusive) or to a quoted passage')
    .requiredOption('--document <id|name>', 'the document')
    .requiredOption('--code <id|path|name>', 'the code, e.g. "Obstacles/Fear of deportation"')
    .requiredOption('--coder <name|id>', 'who codes')
    .option('--start <n>', 'start offset', offsetArg)
    .option('--end <n>', 'end offset (exclusive)', offsetArg)
    .option('--quote <text>', 'instead of offsets: exact words that occur once in the document')
    .action(async (opts: { document: string; code: string; coder: string; start?: number; end?: number; quote?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (anonymous, store) => {
        const coder = await anonymous.findUser(opts.coder);
        const project = await store.openProject(anonymous.id, { userId: coder.id });
        const doc = await project.findDocument(opts.document);
        let range: { start: number; end: number };
        if (opts.quote !== undefined) {
          if (opts.start !== undefined || opts.end !== undefined) throw invalid('give either --quote or --start/--end, not both');
          const found = occurrences((await project.getDocument(doc.id)).text, opts.quote);
          if (found.length !== 1) throw invalid(`the quote occurs ${found.length} times in "${doc.name}"; it must occur exactly once`);
          range = found[0]!;
        } else {
          if (opts.start === undefined || opts.end === undefined) throw invalid('give --start and --end, or --quote');
          range = { start: opts.start, end: opts.end };
        }
        const code = await project.findCode(opts.code);
        const coding = await project.applyCode({ documentId: doc.id, ...range, codeId: code.id, coderId: coder.id });
        const [described] = await describeCodings(project, [coding]);
        emit(g, described, () => `Coded ${doc.name} ${coding.start}..${coding.end} as ${described!.code} (${coder.name}): “${clip(coding.quote.exact)}”`);
      });
    });

  program
    .command('codings')
    .description('coded segments, filtered by document, code or coder')
    .option('--document <id|name>', 'only this document')
    .option('--code <id|path|name>', 'only this code')
    .option('--coder <name|id>', 'only this coder')
    .action(async (opts: { document?: string; code?: string; coder?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const codings = await project.listCodings({
          documentId: opts.document ? (await project.findDocument(opts.document)).id : undefined,
          codeId: opts.code ? (await project.findCode(opts.code)).id : undefined,
          coderId: opts.coder ? (await project.findUser(opts.coder)).id : undefined,
        });
        const rows = await describeCodings(project, codings);
        emit(g, rows, () =>
          renderTable(['document', 'range', 'code', 'coder', 'quote'], rows.map((r) => [r.document, `${r.start}..${r.end}`, r.code, r.coder, clip(r.quote.exact, 50)])),
        );
      });
    });

  program
    .command('memo')
    .description('write a memo on the project, a document, a case, a code or a segment')
    .requiredOption('--author <name|id>', 'who writes')
    .requiredOption('--text <text>', 'the memo')
    .option('--title <title>', 'a title', '')
    .option('--on <target>', 'project, document:REF, case:REF, code:REF or segment:ID', 'project')
    .action(async (opts: { author: string; text: string; title: string; on: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (anonymous, store) => {
        const author = await anonymous.findUser(opts.author);
        const project = await store.openProject(anonymous.id, { userId: author.id });
        const memo = await project.addMemo({ target: await memoTarget(project, opts.on), authorId: author.id, title: opts.title, text: opts.text });
        emit(g, memo, () => `Memo ${memo.id} by ${author.name} on ${opts.on}`);
      });
    });

  program
    .command('memos')
    .description('list memos, optionally only those on one target')
    .option('--on <target>', 'project, document:REF, case:REF, code:REF or segment:ID')
    .action(async (opts: { on?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const memos = await project.listMemos(opts.on ? await memoTarget(project, opts.on) : undefined);
        const users = new Map((await project.listUsers()).map((u) => [u.id, u.name]));
        emit(g, memos, () =>
          renderTable(['about', 'author', 'title', 'text'], memos.map((m) => [m.target.kind, users.get(m.authorId) ?? '', m.title, clip(m.text, 50)])),
        );
      });
    });
}
