// What the case filters offer (sites, attribute values), shared by every view that
// filters by case so each lists the same choices in the same order.

import type { AttributeDefinition, AttributeValue, Case, CaseKind } from '../../core/model.ts';

/** The sites, by name. */
export const sitesOf = (cases: readonly Case[], compare: (a: string, b: string) => number): Case[] =>
  cases.filter((c) => c.kind === 'site').sort((a, b) => compare(a.name, b.name));

/** An attribute value as a filter's value: "name=value". */
export const attributeKey = (name: string, value: AttributeValue) => `${name}=${String(value)}`;

export interface AttributeChoices {
  attribute: AttributeDefinition;
  values: AttributeValue[];
}

/** For each attribute (of one kind of case, or all), the distinct values the cases have (sorted). */
export function attributeChoices(
  definitions: readonly AttributeDefinition[],
  cases: readonly Case[],
  compare: (a: string, b: string) => number,
  kind?: CaseKind,
): AttributeChoices[] {
  const described = kind ? cases.filter((c) => c.kind === kind) : cases;
  return definitions
    .filter((d) => !kind || d.caseKinds.length === 0 || d.caseKinds.includes(kind))
    .map((attribute) => {
      const seen = new Map<string, AttributeValue>();
      for (const o of described) {
        const v = o.attributes[attribute.name];
        if (v !== undefined && v !== '') seen.set(String(v), v);
      }
      return { attribute, values: [...seen.values()].sort((a, b) => compare(String(a), String(b))) };
    })
    .filter((c) => c.values.length > 0);
}
