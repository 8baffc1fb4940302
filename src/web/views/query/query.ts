// Writing coding queries from the builder: code paths quoted for the query syntax
// (core/analysis/query-syntax.ts) and two codes joined by an operator.

export const BUILDER_OPERATORS = ['and', 'or', 'not', 'near', 'paragraph', 'turn', 'inside'] as const;
export type BuilderOperator = (typeof BUILDER_OPERATORS)[number];

/** A code path ("Needs/Health care") as the syntax reads it: quoted, with " and \ escaped. */
export const quoteCode = (path: string) => `"${path.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

const OPERATOR_TEXT: Record<Exclude<BuilderOperator, 'near'>, string> = {
  and: 'AND',
  or: 'OR',
  not: 'AND NOT',
  paragraph: 'NEAR/PARAGRAPH',
  turn: 'NEAR/TURN',
  inside: 'INSIDE',
};

/** "A" OP "B"; NEAR carries its distance in characters. */
export function buildQuery(a: string, operator: BuilderOperator, b: string, within: number): string {
  const op = operator === 'near' ? `NEAR/${Math.max(0, Math.round(within))}` : OPERATOR_TEXT[operator];
  return `${quoteCode(a)} ${op} ${quoteCode(b)}`;
}
