// Entry of the preparing worker: Node 20 does not hand a thread's module loader on to its
// workers, so the worker registers tsx itself before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
