// Coding queries as expressions, and a small syntax for typing them:
//   "Obstacles/Fear of deportation" AND NOT "Needs/Safe housing"
//   Fear NEAR/50 Housing      Fear NEAR/PARAGRAPH Housing      Fear NEAR/TURN Housing
//   Quote INSIDE (Fear OR Shame)
// AND, AND NOT (or NOT), NEAR and INSIDE bind tighter than OR; all are left-associative.
// Codes are quoted ("…", with \" inside) or bare words without spaces.

import { invalid } from '../errors.ts';

export type NearUnit = 'paragraph' | 'turn';
export type Near = { within: number } | { unit: NearUnit };

export type QueryExpr<Leaf> =
  | { code: Leaf }
  | { op: 'and' | 'or' | 'not' | 'inside'; left: QueryExpr<Leaf>; right: QueryExpr<Leaf> }
  | { op: 'near'; near: Near; left: QueryExpr<Leaf>; right: QueryExpr<Leaf> };

export const DEFAULT_NEAR = 50;

type Token = { kind: 'code'; text: string } | { kind: 'word'; text: string } | { kind: 'open' } | { kind: 'close' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < input.length; ) {
    const ch = input[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close' });
      i++;
    } else if (ch === '"') {
      let text = '';
      for (i++; i < input.length && input[i] !== '"'; i++) text += input[i] === '\\' && i + 1 < input.length ? input[++i] : input[i];
      if (i >= input.length) throw invalid('a quoted code name is not closed with "');
      tokens.push({ kind: 'code', text });
      i++;
    } else {
      const m = /^[^\s()"]+/.exec(input.slice(i))!;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

type Operator = { op: 'and' | 'not' | 'inside' } | { op: 'near'; near: Near };

function operatorOf(word: string): Operator | 'or' | 'and' | null {
  const upper = word.toUpperCase();
  if (upper === 'OR') return 'or';
  if (upper === 'AND') return 'and';
  if (upper === 'NOT') return { op: 'not' };
  if (upper === 'INSIDE') return { op: 'inside' };
  const near = /^NEAR(?:\/(\d+|PARAGRAPH|TURN))?$/.exec(upper);
  if (!near) return null;
  const arg = near[1];
  if (arg === 'PARAGRAPH' || arg === 'TURN') return { op: 'near', near: { unit: arg === 'PARAGRAPH' ? 'paragraph' : 'turn' } };
  return { op: 'near', near: { within: arg === undefined ? DEFAULT_NEAR : Number(arg) } };
}

export function parseQuery(input: string): QueryExpr<string> {
  const tokens = tokenize(input);
  let at = 0;
  const peekOperator = () => {
    const t = tokens[at];
    return t?.kind === 'word' ? operatorOf(t.text) : null;
  };
  const term = (): QueryExpr<string> => {
    const t = tokens[at++];
    if (!t) throw invalid('the query ends where a code was expected');
    if (t.kind === 'open') {
      const inner = orExpr();
      if (tokens[at++]?.kind !== 'close') throw invalid('a "(" in the query is not closed');
      return inner;
    }
    if (t.kind === 'code') return { code: t.text };
    if (t.kind === 'word' && operatorOf(t.text) === null) return { code: t.text };
    throw invalid(`expected a code, found ${t.kind === 'close' ? '")"' : `"${t.text}"`}`);
  };
  const andExpr = (): QueryExpr<string> => {
    let left = term();
    for (let op = peekOperator(); op !== null && op !== 'or'; op = peekOperator()) {
      at++;
      let operator: Operator = op === 'and' ? { op: 'and' } : op;
      if (op === 'and' && (peekOperator() as Operator | null)?.op === 'not') {
        at++;
        operator = { op: 'not' };
      }
      const right = term();
      left = operator.op === 'near' ? { op: 'near', near: operator.near, left, right } : { op: operator.op, left, right };
    }
    return left;
  };
  const orExpr = (): QueryExpr<string> => {
    let left = andExpr();
    while (peekOperator() === 'or') {
      at++;
      left = { op: 'or', left, right: andExpr() };
    }
    return left;
  };
  if (tokens.length === 0) throw invalid('the query is empty');
  const expr = orExpr();
  const extra = tokens[at];
  if (extra?.kind === 'close') throw invalid('a ")" in the query has no "(" before it');
  if (extra && 'text' in extra) throw invalid(`expected AND, OR, NOT, NEAR or INSIDE before "${extra.text}" (quote code names that contain spaces)`);
  return expr;
}

/** The same expression with every code replaced (resolving names to ids, say). */
export async function mapCodes<A, B>(expr: QueryExpr<A>, fn: (code: A) => Promise<B>): Promise<QueryExpr<B>> {
  if ('code' in expr) return { code: await fn(expr.code) };
  const left = await mapCodes(expr.left, fn);
  const right = await mapCodes(expr.right, fn);
  return expr.op === 'near' ? { op: 'near', near: expr.near, left, right } : { op: expr.op, left, right };
}

/** Every code the expression names. */
export const codesOf = <L>(expr: QueryExpr<L>): L[] => ('code' in expr ? [expr.code] : [...codesOf(expr.left), ...codesOf(expr.right)]);
