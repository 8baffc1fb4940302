// Keyword in context for the screen: the sentence around a hit, cut to a few
// words each side (counted in code points, never splitting a character) so the
// hits line up in one column.

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The text before the hit (its last `n` code points) and after it (its first `n`), with … where cut. */
export function clipContext(before: string, after: string, n = 70): { left: string; right: string } {
  const left = [...flat(before)];
  const right = [...flat(after)];
  return {
    left: (left.length > n ? '…' : '') + left.slice(-n).join(''),
    right: right.slice(0, n).join('') + (right.length > n ? '…' : ''),
  };
}
