import { decodeText } from './encoding.ts';
import type { Extractor } from './types.ts';

/** Plain text in any common encoding; speakers are found later by the pipeline. */
export const textExtractor: Extractor = {
  format: 'text',
  extensions: ['txt', 'text'],
  mediaType: 'text/plain',
  async extract(bytes) {
    const { text, encoding, bom } = decodeText(bytes);
    return { text, encoding, bom, warnings: [] };
  },
};
