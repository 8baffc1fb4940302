import { InvalidArgumentError, type Command } from 'commander';
import type { Code, UserId } from '../../core/model.ts';
import { GAP_STATUSES, NEED_PURPOSES, type GapStatus, type NeedHorizon, type NeedPurpose } from '../../core/needs.ts';
import { invalid } from '../../core/errors.ts';
import { PATH_SEPARATOR, pathOf } from '../../core/invariants/tree.ts';
import type { ProjectStore, Store } from '../../store/store.ts';
import { barrierPrevalence, gapCellSegments, gapMatrix, type GapCell } from '../../analysis/gaps.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { renderTable } from '../render.ts';
import { choiceArg } from '../options.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** short or long (or the stored short_term / long_term). */
function horizonArg(value: string): NeedHorizon {
  const v = value.trim().toLowerCase().replace(/[- ]term$|_term$/, '');
  if (v === 'short' || v === 'long') return `${v}_term`;
  throw new InvalidArgumentError('expected short or long.');
}

/** A share between 0 and 1. */
function thresholdArg(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('expected a share above 0 and at most 1, such as 0.5.');
  return n;
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const flat = (s: string, n = 70) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

const codePaths = (codes: readonly Code[], ids: readonly string[]) => ids.map((id) => pathOf(codes, id).join(PATH_SEPARATOR)).join('; ');
const codeIdsOf = (project: ProjectStore, refs: readonly string[]) => Promise.all(refs.map(async (ref) => (await project.findCode(ref)).id));
const coderOf = async (project: ProjectStore, coder?: string) => (coder ? { coderId: (await project.findUser(coder)).id } : {});

/**
 * Who decides: --as, else the project's only lead or analyst (as --project defaults to the only
 * project). The project is reopened as that user so the change log names them.
 */
async function asDecider(store: Store, project: ProjectStore, ref?: string): Promise<{ project: ProjectStore; userId: UserId; name: string }> {
  let user;
  if (ref) user = await project.findUser(ref);
  else {
    const deciders = (await project.listUsers()).filter((u) => u.role === 'lead' || u.role === 'analyst');
    if (deciders.length !== 1) throw invalid(`say who decides with --as USER (${deciders.length ? deciders.map((u) => `"${u.name}"`).join(', ') : 'the project has no lead or analyst'})`);
    user = deciders[0]!;
  }
  return { project: await store.openProject(project.id, { userId: user.id }), userId: user.id, name: user.name };
}

const cellText = (c: GapCell) => `${c.status}${c.decision ? '*' : ''} ${c.cases}`;

export function registerNeedsCommands(program: Command): void {
  program
    .command('needs')
    .description('the needs catalogue: horizon, purpose and the codes that evidence each need')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const [needs, codes] = await Promise.all([project.listNeeds(), project.listCodes()]);
        emit(g, needs, () =>
          renderTable(['need', 'horizon', 'purpose', 'codes'], needs.map((n) => [n.name, n.horizon.replace('_', '-'), n.purpose, codePaths(codes, n.codeIds)])),
        );
      });
    });

  program
    .command('add-need')
    .description('add a need to the catalogue, evidenced by codes (each with its sub-codes)')
    .argument('<name>', 'e.g. "Safe housing and shelter"')
    .requiredOption('--horizon <short|long>', 'short-term or long-term need', horizonArg)
    .requiredOption('--purpose <prevention|protection>', 'what meeting it serves', choiceArg(NEED_PURPOSES))
    .option('--code <path>', 'a code that evidences the need (repeatable)', collect, [])
    .option('--description <text>', 'what the need covers', '')
    .action(async (name: string, opts: { horizon: NeedHorizon; purpose: NeedPurpose; code: string[]; description: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const need = await project.createNeed({ name, horizon: opts.horizon, purpose: opts.purpose, description: opts.description, codeIds: await codeIdsOf(project, opts.code) });
        emit(g, need, () => `Added need ${need.position}: ${need.name} (${need.horizon.replace('_', '-')}, ${need.purpose}, ${need.codeIds.length} codes)`);
      });
    });

  program
    .command('barriers')
    .description('the barriers catalogue and the codes that evidence each barrier')
    .action(async (_opts: unknown, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const [barriers, codes] = await Promise.all([project.listBarriers(), project.listCodes()]);
        emit(g, barriers, () => renderTable(['barrier', 'codes'], barriers.map((b) => [b.name, codePaths(codes, b.codeIds)])));
      });
    });

  program
    .command('add-barrier')
    .description('add a barrier (an obstacle to serving victims), evidenced by codes')
    .argument('<name>', 'e.g. "Fear of deportation"')
    .option('--code <path>', 'a code that evidences the barrier (repeatable)', collect, [])
    .option('--description <text>', 'what the barrier covers', '')
    .action(async (name: string, opts: { code: string[]; description: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const barrier = await project.createBarrier({ name, description: opts.description, codeIds: await codeIdsOf(project, opts.code) });
        emit(g, barrier, () => `Added barrier ${barrier.position}: ${barrier.name} (${barrier.codeIds.length} codes)`);
      });
    });

  program
    .command('gaps')
    .description('the gap matrix: each need at each site met, ad_hoc, unmet or unknown, with the cases behind it')
    .option('--coder <name|id>', 'only this coder’s codings')
    .action(async (opts: { coder?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const m = await gapMatrix(project, await coderOf(project, opts.coder));
        emit(g, m, () =>
          [
            renderTable(
              ['need', ...m.sites.map((s) => `${s.name} (n=${s.codedCases})`), ''],
              m.rows.map((r) => [r.need.name, ...r.cells.map(cellText), r.differs ? 'differs' : '']),
            ),
            'Each cell: status and cases whose codings evidence the need; * decided by an analyst (see crosswise gap).',
          ].join('\n'),
        );
      });
    });

  program
    .command('gap')
    .description('confirm or override one need × site cell of the gap matrix, with a note (or withdraw the decision with --clear)')
    .argument('<need>', 'need (id or name)')
    .argument('<site>', 'site (id or name)')
    .option('--status <status>', `one of ${GAP_STATUSES.join(', ')}`, choiceArg(GAP_STATUSES))
    .option('--note <text>', 'why: the evidence, or the reason for overriding the proposal')
    .option('--clear', 'withdraw the decision: the cell shows its proposal again')
    .option('--as <user>', 'who decides (default: the project’s only lead or analyst)')
    .action(async (needRef: string, siteRef: string, opts: { status?: GapStatus; note?: string; clear?: boolean; as?: string }, command: Command) => {
      const g = globals(command);
      if (opts.clear ? opts.status !== undefined || opts.note !== undefined : opts.status === undefined) {
        throw invalid('give --status and --note, or --clear alone');
      }
      await withProject(g, CLI_ACTOR, async (anonymous, store) => {
        const [need, site] = await Promise.all([anonymous.findNeed(needRef), anonymous.findCase(siteRef)]);
        const decider = await asDecider(store, anonymous, opts.as);
        if (opts.clear) await decider.project.clearGapDecision(need.id, site.id);
        else await decider.project.decideGap({ needId: need.id, siteId: site.id, status: opts.status!, note: opts.note ?? '', authorId: decider.userId });
        const m = await gapMatrix(decider.project);
        const cell = m.rows.find((r) => r.need.id === need.id)!.cells[m.sites.findIndex((s) => s.id === site.id)]!;
        emit(g, cell, () =>
          cell.decision
            ? `${need.name} at ${site.name}: ${cell.status}, decided by ${decider.name} (proposed ${cell.proposed}: cases ${cell.cases}, services ${cell.services})`
            : `${need.name} at ${site.name}: decision withdrawn; proposed ${cell.proposed} (cases ${cell.cases}, services ${cell.services})`,
        );
      });
    });

  program
    .command('gap-quotes')
    .description('the coded passages behind one need × site cell of the gap matrix')
    .argument('<need>', 'need (id or name)')
    .argument('<site>', 'site (id or name)')
    .option('--coder <name|id>', 'only this coder’s codings')
    .action(async (needRef: string, siteRef: string, opts: { coder?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const [need, site] = await Promise.all([project.findNeed(needRef), project.findCase(siteRef)]);
        const passages = await gapCellSegments(project, need.id, site.id, await coderOf(project, opts.coder));
        emit(g, passages, () =>
          [
            renderTable(['document', 'case', 'range', 'text'], passages.map((r) => [r.document.name, r.case?.name ?? '', `${r.coding.start}..${r.coding.end}`, flat(r.coding.quote.exact)])),
            `${passages.length} passages about ${need.name} at ${site.name}`,
          ].join('\n'),
        );
      });
    });

  program
    .command('barrier-prevalence')
    .description('for each barrier, the share of each site’s coded cases citing it; similarities and differences')
    .option('--threshold <share>', 'share at which a barrier is strong at a site', thresholdArg, 0.5)
    .option('--coder <name|id>', 'only this coder’s codings')
    .action(async (opts: { threshold: number; coder?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const b = await barrierPrevalence(project, { threshold: opts.threshold, ...(await coderOf(project, opts.coder)) });
        emit(g, b, () =>
          [
            renderTable(
              ['barrier', ...b.sites.map((s) => `${s.name} (n=${s.codedCases})`), 'finding'],
              b.rows.map((r) => [r.barrier.name, ...r.shares.map((share, j) => `${r.cases[j]} (${percent(share)})`), r.verdict ?? '']),
            ),
            `similarity: ≥ ${percent(b.threshold)} of coded cases at every site; difference: ≥ ${percent(b.threshold)} somewhere, none elsewhere`,
          ].join('\n'),
        );
      });
    });
}
