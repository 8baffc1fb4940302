// What every statistic returns: a value with its details, or an explicit
// "undefined" with the reason. A statistic that cannot be computed (no
// variation, nothing to pair) must never pass for perfect agreement (1) or
// leak NaN into a report.

export interface UndefinedResult {
  defined: false;
  reason: string;
}

export type Result<T extends { defined: true }> = T | UndefinedResult;

export const undefinedResult = (reason: string): UndefinedResult => ({ defined: false, reason });

/** The 0.975 quantile of the standard normal distribution, for 95% intervals. */
export const Z_975 = 1.959963984540054;
