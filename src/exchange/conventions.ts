// How Crosswise carries in REFI-QDA what the standard has no place for, so a
// Crosswise → .qdpx → Crosswise round trip loses nothing the model holds:
// case kinds and the case tree travel as two text variables.

export const CROSSWISE_ORIGIN = 'Crosswise';

/** A case's kind: site, organisation or participant. */
export const CASE_KIND_VARIABLE = 'crosswise:case kind';
/** The GUID of a case's enclosing case. */
export const CASE_PARENT_VARIABLE = 'crosswise:parent case';

export const isCrosswiseOrigin = (origin: string | undefined): boolean => !!origin && /^Crosswise\b/.test(origin);
