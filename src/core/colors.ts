/** Distinguishable highlight colours, assigned to new codes in turn. */
export const CODE_PALETTE = [
  '#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324',
  '#469990', '#808000', '#000075', '#e6beff', '#aaffc3', '#ffd8b1', '#fabebe', '#bfef45',
] as const;

export function paletteColor(n: number): string {
  return CODE_PALETTE[((n % CODE_PALETTE.length) + CODE_PALETTE.length) % CODE_PALETTE.length]!;
}
