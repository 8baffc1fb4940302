// A .qdc codebook (or the codebook of a .qde project) → codes of an existing
// project, in one transaction. Codes already there under the same name at the
// same level are matched, not duplicated.

import { DEFAULT_LIMITS, unreadable, type Limits } from '../formats/types.ts';
import { parseXml } from '../formats/refi/xml.ts';
import { readCodebook, readProject } from '../formats/refi/read.ts';
import type { ProjectStore } from '../store/store.ts';
import { planCodes, writeCodes } from './codes.ts';
import { isCrosswiseOrigin } from './conventions.ts';
import { ReportBuilder, type ExchangeReport } from './report.ts';

export async function importQdc(project: ProjectStore, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<ExchangeReport> {
  if (bytes.length > limits.maxFileBytes) throw unreadable(`the file is larger than the ${Math.round(limits.maxFileBytes / 2 ** 20)} MB allowed`);
  const root = parseXml(bytes, 'the codebook');
  const { value, deviations } = root.name === 'Project' ? readProject(root) : readCodebook(root);
  const report = new ReportBuilder();
  if (root.name === 'Project') report.changed('file', 'a project file was given: only its codebook was imported');
  const tree = planCodes(value.codes, new Set(), isCrosswiseOrigin(value.origin), report);
  await project.transaction((tx) => writeCodes(tx, tree, report));
  if (value.sets.length) {
    const members = value.sets.reduce((n, s) => n + s.memberCodes.length, 0);
    report.dropped('sets', `code groups have no place in Crosswise yet (${members} memberships)`, value.sets[0]!.name, value.sets.length);
  }
  return report.build({ direction: 'import', format: 'qdc', origin: value.origin ?? null }, deviations);
}
