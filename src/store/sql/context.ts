import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Actor, ChangeAction, DocumentId, EntityKind, Id, ProjectId } from '../../core/model.ts';
import { conflict } from '../../core/errors.ts';
import type { Database } from '../schema.ts';
import type { DialectName } from '../dialect.ts';

/** A word of a search as the index looks it up: whole, or as the start of words. */
export interface IndexWord {
  word: string;
  prefix: boolean;
}

/**
 * SQLite's full-text index, kept in a file of its own (see sqlite/text-index.ts): it proposes
 * candidate documents, and search then matches exactly. PostgreSQL indexes a column instead.
 */
export interface TextIndex {
  /** Indexes every document waiting for it (another thread does the work when it can). */
  update(): Promise<void>;
  /** The project's documents holding every word (or a word starting with a prefix), and those still waiting for the index (a candidate for any words). */
  candidates(projectId: ProjectId, words: readonly IndexWord[]): Promise<DocumentId[]>;
  close(): Promise<void>;
}

/** What every query module needs: the connection (or open transaction), the project, the actor. */
export interface Ctx {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly projectId: ProjectId;
  readonly actor: Actor;
  readonly textIndex?: TextIndex;
}

export const newId = (): Id => randomUUID();
export const now = (): string => new Date().toISOString();

/** Runs `fn` inside a transaction: the caller's if one is open, else a new one. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((db) => fn({ ...ctx, db }));
}

let savepoints = 0;

/**
 * Runs `fn` inside the open transaction under a savepoint: if it fails, only its own changes are
 * undone and the transaction goes on (an import batch keeps its other documents).
 */
export async function withSavepoint<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  const name = sql.raw(`crosswise_${++savepoints}`);
  await sql`savepoint ${name}`.execute(ctx.db);
  try {
    const result = await fn();
    await sql`release savepoint ${name}`.execute(ctx.db);
    return result;
  } catch (err) {
    await sql`rollback to savepoint ${name}`.execute(ctx.db);
    await sql`release savepoint ${name}`.execute(ctx.db);
    throw err;
  }
}

/**
 * Appends to the project's change log. Must run in the mutation's transaction;
 * the per-project counter row also serialises concurrent writers on PostgreSQL.
 */
export async function recordChange(
  ctx: Ctx,
  action: ChangeAction,
  entity: EntityKind,
  entityId: Id,
  data: Record<string, unknown>,
): Promise<void> {
  // Update, then read: SQLite runs UPDATE … RETURNING under a statement savepoint, which makes the
  // full-text index flush what a document insert just gave it, once per document of an import.
  await ctx.db
    .updateTable('projects')
    .set((eb) => ({ change_seq: eb('change_seq', '+', 1) }))
    .where('id', '=', ctx.projectId)
    .execute();
  const { change_seq: seq } = await ctx.db.selectFrom('projects').select('change_seq').where('id', '=', ctx.projectId).executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('change_log')
    .values({
      project_id: ctx.projectId,
      seq,
      at: now(),
      actor_user_id: 'userId' in ctx.actor ? ctx.actor.userId : null,
      actor_system: 'system' in ctx.actor ? ctx.actor.system : null,
      action,
      entity,
      entity_id: entityId,
      data: JSON.stringify(data),
    })
    .execute();
}

/**
 * Lets go of the pages SQLite keeps cached for speed (up to 64 MB, see sqlite/open.ts): a bulk
 * write fills the cache with pages it will not read again. PostgreSQL keeps nothing here.
 */
export async function releaseMemory(ctx: Ctx): Promise<void> {
  if (ctx.dialect === 'sqlite') await sql`pragma shrink_memory`.execute(ctx.db);
}

/** COUNT(*) comes back as a string from PostgreSQL (bigint) and a number from SQLite. */
export const toCount = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

/** Optimistic concurrency: an edit based on an older version than the record's is refused. */
export function assertVersion(current: { version: number }, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== current.version) {
    throw conflict(`${what} was changed by someone else (version ${current.version}, your edit was based on ${expected}): reload and try again`);
  }
}

/** An UPDATE guarded by `where version = …` that touched no row lost a race with another writer. */
export function assertUpdated(result: { numUpdatedRows: bigint }, what: string): void {
  if (result.numUpdatedRows === 0n) throw conflict(`${what} was changed by someone else: reload and try again`);
}
