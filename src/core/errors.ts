// Errors every layer can raise and every edge (CLI, HTTP) can translate:
// `invalid` → usage/400, `not_found` → 404, `conflict` → 409.

export type ErrorKind = 'invalid' | 'not_found' | 'conflict';

export class CrosswiseError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'CrosswiseError';
    this.kind = kind;
  }
}

export const invalid = (message: string) => new CrosswiseError('invalid', message);
export const notFound = (message: string) => new CrosswiseError('not_found', message);
export const conflict = (message: string) => new CrosswiseError('conflict', message);
