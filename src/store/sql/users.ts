import type { Language, User, UserId } from '../../core/model.ts';
import { LANGUAGES, USER_ROLES } from '../../core/model.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { NewUser } from '../store.ts';
import { type Ctx, inTransaction, newId, recordChange } from './context.ts';

export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'language'])
    .where('project_id', '=', ctx.projectId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as User['role'], language: r.language as Language | null }));
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
    const user: User = { id: newId(), name, role: input.role, language: input.language ?? null };
    await tx.db.insertInto('users').values({ project_id: tx.projectId, ...user }).execute();
    await recordChange(tx, 'create', 'user', user.id, { ...user });
    return user;
  });
}

/** The interface language a user works in, kept so every session opens in it. */
export async function setUserLanguage(ctx: Ctx, id: UserId, language: Language): Promise<User> {
  if (!LANGUAGES.includes(language)) throw invalid(`language must be one of ${LANGUAGES.join(', ')}`);
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id);
    await tx.db.updateTable('users').set({ language }).where('project_id', '=', tx.projectId).where('id', '=', user.id).execute();
    await recordChange(tx, 'update', 'user', user.id, { language: { before: user.language, after: language } });
    return { ...user, language };
  });
}
