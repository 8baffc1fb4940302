import type { AttributeDefinition, AttributeValue, Case, CaseId, CaseKind } from '../../core/model.ts';
import { ATTRIBUTE_TYPES, CASE_KINDS } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { checkAttributeValue } from '../../core/invariants/attributes.ts';
import { assertParentAllowed, assertUniqueSiblingName, findInTree } from '../../core/invariants/tree.ts';
import type { CasePatch, NewAttribute, NewCase } from '../store.ts';
import { type Ctx, inTransaction, newId, recordChange } from './context.ts';

export async function listAttributes(ctx: Ctx): Promise<AttributeDefinition[]> {
  const rows = await ctx.db
    .selectFrom('attributes')
    .selectAll()
    .where('project_id', '=', ctx.projectId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as AttributeDefinition['type'],
    caseKinds: JSON.parse(r.case_kinds) as CaseKind[],
    description: r.description,
  }));
}

export async function defineAttribute(ctx: Ctx, input: NewAttribute): Promise<AttributeDefinition> {
  const name = input.name.trim();
  if (!name) throw invalid('an attribute needs a name');
  if (!ATTRIBUTE_TYPES.includes(input.type)) throw invalid(`attribute type must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
  const caseKinds = input.caseKinds ?? [];
  for (const k of caseKinds) if (!CASE_KINDS.includes(k)) throw invalid(`unknown case kind "${k}"`);
  return inTransaction(ctx, async (tx) => {
    if ((await listAttributes(tx)).some((a) => a.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw invalid(`an attribute named "${name}" already exists`);
    }
    const attribute: AttributeDefinition = { id: newId(), name, type: input.type, caseKinds, description: input.description ?? '' };
    await tx.db
      .insertInto('attributes')
      .values({ project_id: tx.projectId, id: attribute.id, name, type: input.type, case_kinds: JSON.stringify(caseKinds), description: attribute.description })
      .execute();
    await recordChange(tx, 'create', 'attribute', attribute.id, { ...attribute });
    return attribute;
  });
}

export async function listCases(ctx: Ctx, filter: { kind?: CaseKind } = {}): Promise<Case[]> {
  let query = ctx.db.selectFrom('cases').selectAll().where('project_id', '=', ctx.projectId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const rows = await query.orderBy('name').execute();
  const values = await ctx.db
    .selectFrom('attribute_values as v')
    .innerJoin('attributes as a', (j) => j.onRef('a.project_id', '=', 'v.project_id').onRef('a.id', '=', 'v.attribute_id'))
    .select(['v.case_id', 'a.name', 'v.value'])
    .where('v.project_id', '=', ctx.projectId)
    .execute();
  const byCase = new Map<CaseId, Record<string, AttributeValue>>();
  for (const v of values) {
    const attrs = byCase.get(v.case_id) ?? {};
    attrs[v.name] = JSON.parse(v.value) as AttributeValue;
    byCase.set(v.case_id, attrs);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as CaseKind,
    name: r.name,
    parentId: r.parent_id,
    description: r.description,
    attributes: byCase.get(r.id) ?? {},
  }));
}

export async function findCase(ctx: Ctx, ref: string): Promise<Case> {
  const found = findInTree(await listCases(ctx), ref, 'case');
  if (!found) throw notFound(`no case "${ref}" in this project`);
  return found;
}

export async function setAttribute(ctx: Ctx, caseId: CaseId, name: string, value: AttributeValue | null): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const target = await findCase(tx, caseId);
    const attribute = (await listAttributes(tx)).find((a) => a.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
    if (!attribute) throw notFound(`no attribute "${name}": define it first`);
    if (attribute.caseKinds.length && !attribute.caseKinds.includes(target.kind)) {
      throw invalid(`attribute "${attribute.name}" describes ${attribute.caseKinds.join(', ')} cases, not ${target.kind}s`);
    }
    const key = { project_id: tx.projectId, case_id: target.id, attribute_id: attribute.id };
    await tx.db
      .deleteFrom('attribute_values')
      .where('project_id', '=', key.project_id)
      .where('case_id', '=', key.case_id)
      .where('attribute_id', '=', key.attribute_id)
      .execute();
    if (value !== null) {
      const typed = checkAttributeValue(attribute.type, value, attribute.name);
      await tx.db.insertInto('attribute_values').values({ ...key, value: JSON.stringify(typed) }).execute();
    }
    await recordChange(tx, 'update', 'case', target.id, { attribute: attribute.name, value });
  });
}

export async function createCase(ctx: Ctx, input: NewCase): Promise<Case> {
  if (!CASE_KINDS.includes(input.kind)) throw invalid(`case kind must be one of ${CASE_KINDS.join(', ')}`);
  return inTransaction(ctx, async (tx) => {
    const cases = await listCases(tx);
    const id = newId();
    const parentId = input.parentId ?? null;
    assertParentAllowed(cases, id, parentId, 'case');
    assertUniqueSiblingName(cases, parentId, input.name, 'case');
    const row = { id, kind: input.kind, name: input.name.trim(), parent_id: parentId, description: input.description ?? '' };
    await tx.db.insertInto('cases').values({ project_id: tx.projectId, ...row }).execute();
    await recordChange(tx, 'create', 'case', id, { kind: row.kind, name: row.name, parentId, description: row.description });
    for (const [name, value] of Object.entries(input.attributes ?? {})) await setAttribute(tx, id, name, value);
    return findCase(tx, id);
  });
}

export async function updateCase(ctx: Ctx, id: CaseId, patch: CasePatch): Promise<Case> {
  return inTransaction(ctx, async (tx) => {
    const cases = await listCases(tx);
    const current = cases.find((c) => c.id === id);
    if (!current) throw notFound(`no case ${id} in this project`);
    const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
    const name = patch.name?.trim() ?? current.name;
    assertParentAllowed(cases, id, parentId, 'case');
    assertUniqueSiblingName(cases, parentId, name, 'case', id);
    await tx.db
      .updateTable('cases')
      .set({ name, parent_id: parentId, description: patch.description ?? current.description })
      .where('project_id', '=', tx.projectId)
      .where('id', '=', id)
      .execute();
    await recordChange(tx, 'update', 'case', id, { before: { name: current.name, parentId: current.parentId, description: current.description }, after: patch });
    return findCase(tx, id);
  });
}
