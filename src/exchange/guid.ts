// Stable export GUIDs: a name-based UUID (RFC 4122 version 5 layout, SHA-1)
// of the project id, the kind of object and its id, so the same project
// exports the same GUIDs every time without storing them.

import { createHash } from 'node:crypto';

/** The namespace UUID for Crosswise exports (a random constant). */
const NAMESPACE = Buffer.from('3b1f8e2a6c4d4f7e9a0b5c6d7e8f9012', 'hex');

export function stableGuid(projectId: string, kind: string, id: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${projectId}\u0000${kind}\u0000${id}`, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase();
}
