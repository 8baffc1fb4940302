import { join } from 'node:path';

/** A path under ../shared/ (fixtures made by other tools), which CI places beside the repository. */
export const sharedPath = (...parts: string[]) => join(import.meta.dirname, '..', '..', '..', 'shared', ...parts);
