// The worker thread behind preparer.ts: prepares each file it is sent and posts the result back.

import { parentPort } from 'node:worker_threads';
import type { Limits } from '../formats/types.ts';
import { prepareFile } from './prepare.ts';

parentPort?.on('message', async ({ id, file, limits }: { id: number; file: string; limits: Limits }) => {
  parentPort?.postMessage({ id, prepared: await prepareFile(file, limits) });
});
