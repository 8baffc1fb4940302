// The report draft's client: the analyst-written parts and the quotes chosen for the report.

import type { ReportDraft } from '../../../core/findings.ts';
import type { ReportDraftPatch } from '../../../store/store.ts';
import type { ChosenQuote } from '../../../server/routes/needs.ts';
import { call } from '../../api.ts';

export type { ChosenQuote };

export function reportDraftApi(projectId: string) {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  const quote = (segmentId: string, codeId: string) => `${p}/report/quotes/${encodeURIComponent(segmentId)}/${encodeURIComponent(codeId)}`;
  return {
    /** The draft with each chosen quote's passage, case and site, in print order. */
    draft: () => call<{ draft: ReportDraft; quotes: ChosenQuote[] }>('GET', `${p}/report/draft`),
    /** `version` is the draft's version the edit was based on (0 before the first); a stale one is a 'conflict'. */
    update: (version: number, changes: ReportDraftPatch) => call<ReportDraft>('PATCH', `${p}/report/draft`, { version, ...changes }),
    /** Adds a passage as a quote for a theme (a no-op if it is already chosen for it). */
    choose: (segmentId: string, codeId: string) => call<ReportDraft>('POST', `${p}/report/quotes`, { segmentId, codeId }),
    /** Moves a chosen quote to `position` (from 1) within its theme. */
    move: (segmentId: string, codeId: string, position: number) => call<ReportDraft>('PATCH', quote(segmentId, codeId), { position }),
    remove: (segmentId: string, codeId: string) => call<ReportDraft>('DELETE', quote(segmentId, codeId)),
  };
}
