import type { User } from '../../core/model.ts';
import { USER_ROLES } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { NewUser } from '../store.ts';
import { type Ctx, inTransaction, newId, recordChange } from './context.ts';

export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('project_id', '=', ctx.projectId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as User['role'] }));
}

export async function findUser(ctx: Ctx, ref: string): Promise<User> {
  const key = ref.trim().toLocaleLowerCase();
  const user = (await listUsers(ctx)).find((u) => u.id === ref || u.name.toLocaleLowerCase() === key);
  if (!user) throw notFound(`no user or coder "${ref}" in this project`);
  return user;
}

export async function createUser(ctx: Ctx, input: NewUser): Promise<User> {
  const name = input.name.trim();
  if (!name) throw invalid('a user needs a name');
  if (!USER_ROLES.includes(input.role)) throw invalid(`role must be one of ${USER_ROLES.join(', ')}`);
  return inTransaction(ctx, async (tx) => {
    if ((await listUsers(tx)).some((u) => u.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw invalid(`a user named "${name}" already exists`);
    }
    const user: User = { id: newId(), name, role: input.role };
    await tx.db.insertInto('users').values({ project_id: tx.projectId, ...user }).execute();
    await recordChange(tx, 'create', 'user', user.id, { ...user });
    return user;
  });
}
