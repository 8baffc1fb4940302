// REFI code trees ↔ the Crosswise codebook, shared by project and codebook exchange.
//
// Import repairs what other tools write: hierarchy spelled in names
// ("Parent::Child", ATLAS.ti), empty or clashing sibling names, colours in
// #rgb form, categories that carry codings. Crosswise's inclusion/exclusion
// criteria and example travel inside the REFI Description under fixed labels,
// read back only from files Crosswise wrote.

import type { Code, CodeId } from '../core/model.ts';
import type { ProjectStore } from '../store/store.ts';
import type { RefiCode } from '../formats/refi/model.ts';
import type { ReportBuilder } from './report.ts';

const CRITERIA = [
  ['inclusion', 'Inclusion criteria'],
  ['exclusion', 'Exclusion criteria'],
  ['example', 'Example'],
] as const;

type Criteria = Record<'definition' | 'inclusion' | 'exclusion' | 'example', string>;

/** The REFI Description of a code: its definition, then each criterion under its label. */
export function describeCode(c: Pick<Code, 'definition' | 'inclusion' | 'exclusion' | 'example'>): string | undefined {
  const parts = [c.definition, ...CRITERIA.filter(([k]) => c[k]).map(([k, label]) => `${label}: ${c[k]}`)].filter(Boolean);
  return parts.length ? parts.join('\n\n') : undefined;
}

function readCriteria(description: string, ours: boolean): Criteria {
  const out: Criteria = { definition: ours ? '' : description, inclusion: '', exclusion: '', example: '' };
  if (!ours) return out;
  const labels = CRITERIA.map(([, l]) => l).join('|');
  description.split(new RegExp(`\\n\\n(?=(?:${labels}): )`)).forEach((part, i) => {
    const hit = CRITERIA.find(([, label]) => part.startsWith(`${label}: `));
    if (hit) out[hit[0]] = part.slice(hit[1].length + 2);
    else if (i === 0) out.definition = part;
  });
  return out;
}

export interface PlannedCode {
  key: string;
  name: string;
  color?: string;
  criteria: Criteria;
  codable: boolean;
  children: PlannedCode[];
}

const normColor = (color: string | undefined): string | undefined => {
  const m = color ? /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim()) : null;
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
};

const nameKey = (name: string) => name.trim().toLocaleLowerCase();

/** Moves "Parent::Child" codes under their parent (created as a category if absent), at every level. */
function unfoldNames(level: PlannedCode[], report: ReportBuilder, path: string): void {
  for (const node of [...level]) {
    const at = node.name.indexOf('::');
    if (at <= 0) continue;
    const parentName = node.name.slice(0, at).trim();
    const childName = node.name.slice(at + 2).trim();
    let parent = level.find((n) => n !== node && !n.name.includes('::') && nameKey(n.name) === nameKey(parentName));
    if (!parent) {
      parent = { key: `#category:${path}${parentName}`, name: parentName, criteria: readCriteria('', false), codable: false, children: [] };
      level.push(parent);
      report.changed('codes', 'a parent named in a "Parent::Child" code name did not exist: created as a category', parentName);
    }
    report.changed('codes', 'hierarchy written in the name ("Parent::Child") turned into a child code', node.name);
    level.splice(level.indexOf(node), 1);
    parent.children.push({ ...node, name: childName });
  }
  for (const node of level) unfoldNames(node.children, report, `${path}${node.name}/`);
}

/** Gives every code a name unique among its siblings. */
function fixNames(level: PlannedCode[], report: ReportBuilder): void {
  const seen = new Set<string>();
  for (const node of level) {
    if (!node.name.trim()) {
      node.name = 'Unnamed code';
      report.changed('codes', 'a code without a name was named "Unnamed code"');
    }
    let name = node.name.trim();
    for (let n = 2; seen.has(nameKey(name)); n++) name = `${node.name.trim()} (${n})`;
    if (name !== node.name.trim()) report.changed('codes', 'the same name twice at one level: numbered', node.name);
    node.name = name;
    seen.add(nameKey(name));
    fixNames(node.children, report);
  }
}

/**
 * The code tree to create. `coded` holds the keys of codes that have codings; `ours` says
 * Crosswise wrote the file (so the Description's criteria labels are ours).
 */
export function planCodes(codes: readonly RefiCode[], coded: ReadonlySet<string>, ours: boolean, report: ReportBuilder): PlannedCode[] {
  const plan = (c: RefiCode): PlannedCode => {
    const color = normColor(c.color);
    if (c.color && !color) report.changed('codes', `colour not in #rrggbb form: a colour was chosen`, c.name);
    let codable = c.isCodable ?? true;
    if (!codable && coded.has(c.guid)) {
      codable = true;
      report.changed('codes', 'marked not codable but applied to text: made codable so its codings are kept', c.name);
    }
    return { key: c.guid, name: c.name, color, criteria: readCriteria(c.description ?? '', ours), codable, children: c.children.map(plan) };
  };
  const tree = codes.map(plan);
  unfoldNames(tree, report, '');
  fixNames(tree, report);
  return tree;
}

/**
 * Creates the planned codes. A code whose name is already taken at its level in the project
 * (a codebook imported into a project) is matched, not duplicated, and left as it is.
 */
export async function writeCodes(project: ProjectStore, tree: readonly PlannedCode[], report: ReportBuilder): Promise<Map<string, CodeId>> {
  const existing = await project.listCodes();
  const ids = new Map<string, CodeId>();
  const write = async (level: readonly PlannedCode[], parentId: CodeId | null) => {
    for (const node of level) {
      const twin = existing.find((c) => c.parentId === parentId && nameKey(c.name) === nameKey(node.name));
      let id: CodeId;
      if (twin) {
        id = twin.id;
        report.changed('codes', 'already in the codebook under the same name: kept as it was', node.name);
      } else {
        const created = await project.createCode({ name: node.name, parentId, color: node.color, codable: node.codable, ...node.criteria });
        id = created.id;
        report.count('codes');
      }
      ids.set(node.key, id);
      await write(node.children, id);
    }
  };
  await write(tree, null);
  return ids;
}
