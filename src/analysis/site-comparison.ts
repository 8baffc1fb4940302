// Site comparison: for each theme, the share of each site's coded cases that mention
// it (the theme or a sub-code); similarities are themes present at every site at or
// above a threshold, differences themes strong (≥ threshold) at some sites and weak
// (≤ `weak`, default absent) at others. Built on the matrix query (sites × cases).

import type { CodeId } from '../core/model.ts';
import type { CaseRef } from '../core/read-models.ts';
import { invalid } from '../core/errors.ts';
import type { ProjectStore } from '../store/store.ts';
import { matrixQuery } from './matrix.ts';

export interface SiteComparisonOptions {
  /** Themes: this code and every code under it; default every code. */
  rootCodeId?: CodeId;
  /** Share of a site's coded cases at which a theme counts as strong there; default 0.5. */
  threshold?: number;
  /** Share at or below which a theme counts as weak at a site; default 0 (absent). */
  weak?: number;
  coderId?: string;
}

export type Verdict = 'similarity' | 'difference' | null;

export interface ThemeAcrossSites {
  codeId: CodeId;
  path: string;
  /** Per site: cases mentioning the theme, and their share of the site's coded cases (null: nothing coded there). */
  cases: number[];
  shares: (number | null)[];
  verdict: Verdict;
  strongAt: CaseRef[];
  weakAt: CaseRef[];
}

export interface SiteComparison {
  threshold: number;
  weak: number;
  sites: (CaseRef & { codedCases: number })[];
  themes: ThemeAcrossSites[];
  similarities: ThemeAcrossSites[];
  differences: ThemeAcrossSites[];
}

/** The threshold and weak share an analyst asked for, with their defaults, refused if out of order. */
export function verdictShares(options: { threshold?: number; weak?: number }): { threshold: number; weak: number } {
  const threshold = options.threshold ?? 0.5;
  const weak = options.weak ?? 0;
  if (!(threshold > 0 && threshold <= 1) || !(weak >= 0 && weak < threshold)) {
    throw invalid('the threshold must be above 0 and at most 1, and the weak share at least 0 and below the threshold');
  }
  return { threshold, weak };
}

/**
 * Where something is strong (share ≥ threshold) and weak (≤ weak) among the sites with
 * coded cases (share not null), and the verdict: a similarity when strong everywhere,
 * a difference when strong at some sites and weak at others.
 */
export function siteVerdict(
  sites: readonly CaseRef[],
  shares: readonly (number | null)[],
  { threshold, weak }: { threshold: number; weak: number },
): { verdict: Verdict; strongAt: CaseRef[]; weakAt: CaseRef[] } {
  const compared = sites.flatMap((s, j) => (shares[j] === null || shares[j] === undefined ? [] : [{ ref: { id: s.id, name: s.name }, share: shares[j] }]));
  const strongAt = compared.filter((c) => c.share >= threshold).map((c) => c.ref);
  const weakAt = compared.filter((c) => c.share <= weak).map((c) => c.ref);
  const verdict: Verdict =
    compared.length > 0 && strongAt.length === compared.length ? 'similarity' : strongAt.length > 0 && weakAt.length > 0 ? 'difference' : null;
  return { verdict, strongAt, weakAt };
}

export async function compareSites(project: ProjectStore, options: SiteComparisonOptions = {}): Promise<SiteComparison> {
  const { threshold, weak } = verdictShares(options);
  const matrix = await matrixQuery(project, {
    columns: { by: 'site' },
    count: 'cases',
    ...(options.rootCodeId ? { rootCodeId: options.rootCodeId } : {}),
    ...(options.coderId ? { coderId: options.coderId } : {}),
  });
  const sites = matrix.columns.map((c) => ({ id: c.key, name: c.label, codedCases: c.codedCases }));
  const themes = matrix.rows.map((row, i): ThemeAcrossSites => {
    const shares = matrix.percentOfCases[i]!;
    return { codeId: row.codeId, path: row.path, cases: matrix.cases[i]!, shares, ...siteVerdict(sites, shares, { threshold, weak }) };
  });
  return {
    threshold,
    weak,
    sites,
    themes,
    similarities: themes.filter((t) => t.verdict === 'similarity'),
    differences: themes.filter((t) => t.verdict === 'difference'),
  };
}
