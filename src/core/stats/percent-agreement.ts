// Percent agreement: the share of coder pairs that assigned a unit the same value.
//
// For unit u with m_u ≥ 2 values, n_uc of them in category c:
//   a_u = Σ_c n_uc (n_uc − 1) / (m_u (m_u − 1))        (agreeing ordered pairs / all pairs)
//   P   = Σ_u a_u / U                                   (U = units with m_u ≥ 2)
// With two coders this is the proportion of units both coded alike. It is the
// observed agreement P̄ of Fleiss (1971), extended to any m_u, and does not
// correct for chance: prefer kappa or alpha when reporting reliability.
// `unanimous` is the share of units on which every coder agreed (R irr's agree()).
//
// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
// Psychological Bulletin, 76(5), 378–382.

import { countTable, checkTable, rowTimes, rowTotal, type CountTable, type ReliabilityData } from './data.ts';
import { undefinedResult, type Result } from './result.ts';

export interface PercentAgreement {
  defined: true;
  value: number;
  unanimous: number;
  /** Units with values from at least two coders. */
  units: number;
}

export function percentAgreement(table: CountTable): Result<PercentAgreement> {
  checkTable(table);
  let units = 0;
  let sum = 0;
  let unanimous = 0;
  for (const row of table.rows) {
    const m = rowTotal(row);
    if (m < 2) continue;
    const t = rowTimes(row);
    units += t;
    sum += (t * row.counts.reduce((s, n) => s + n * (n - 1), 0)) / (m * (m - 1));
    if (row.counts.some((n) => n === m)) unanimous += t;
  }
  if (units === 0) return undefinedResult('no unit has values from two or more coders');
  return { defined: true, value: sum / units, unanimous: unanimous / units, units };
}

export const percentAgreementOf = (data: ReliabilityData): Result<PercentAgreement> => percentAgreement(countTable(data));
