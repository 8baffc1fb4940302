// One document side by side: a picker, the disagreements per code, and the coder
// columns; without a document, the disagreements of every compared document.

import { useId, useMemo } from 'react';
import type { AgreementReport, Disagreement } from '../../../analysis/agreement.ts';
import { CodePointIndex } from '../../../core/text/offsets.ts';
import { Combobox, type ComboOption } from '../../components/Combobox.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { navigate } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { CoderColumns, type ColumnCoder } from './CoderColumns.tsx';
import { DisagreementList } from './DisagreementList.tsx';
import { countBy, disagreementKey, filterDisagreements, focusSpans, groupByCode, step } from './disagreements.ts';
import { supportsHighlights } from './highlights.ts';
import type { AgreementText } from './useAgreementText.ts';

const QUOTE_LENGTH = 160;

export interface ComparisonProps {
  report: AgreementReport;
  coders: readonly ColumnCoder[];
  documentId: string | null;
  codeId: string | null;
  onClearCode(): void;
  current: { key: string; token: number } | null;
  onPick(d: Disagreement): void;
  listHeadingId: string;
  say: AgreementText;
}

export function Comparison({ report, coders, documentId, codeId, onClearCode, current, onPick, listHeadingId, say }: ComparisonProps) {
  const { api, codes } = useWorkspace();
  const { t, format } = say;
  const id = useId();
  const loaded = useLoad(() => (documentId ? Promise.all([api.document(documentId), api.documentCodings(documentId)]) : Promise.resolve(null)), [api, documentId]);
  const [doc, allCodings] = loaded.data ?? [null, []];
  const shown = doc && doc.id === documentId ? doc : null;

  const colours = useMemo(() => new Map(codes.map((c) => [c.id, c.color])), [codes]);
  const colour = (cid: string) => colours.get(cid) ?? '#888888';
  const coderName = (uid: string) => report.coders.find((c) => c.id === uid)?.name ?? uid;
  const codings = useMemo(() => allCodings.filter((c) => coders.some((k) => k.id === c.coderId)), [allCodings, coders]);
  const index = useMemo(() => (shown ? new CodePointIndex(shown.text) : null), [shown]);

  const list = useMemo(() => filterDisagreements(report.disagreements, documentId, codeId), [report, documentId, codeId]);
  const groups = useMemo(() => groupByCode(list, (d) => say.codeLabel(d.codeId, d.code), format.compare), [list, say, format]);
  const perDocument = useMemo(() => countBy(filterDisagreements(report.disagreements, null, codeId), (d) => d.documentId), [report, codeId]);
  const flat = groups.flatMap((g) => g.items);
  const currentItem = current ? (report.disagreements.find((d) => disagreementKey(d) === current.key) ?? null) : null;
  const position = currentItem ? flat.findIndex((d) => disagreementKey(d) === current?.key) : -1;
  const spansOf = (d: Disagreement) => focusSpans(d, report.unit, codings);
  const marked = useMemo(
    () => list.filter((d) => disagreementKey(d) !== current?.key).flatMap((d) => focusSpans(d, report.unit, codings)),
    [list, report.unit, codings, current?.key],
  );
  const currentSpans = useMemo(
    () => (current && currentItem && shown && currentItem.documentId === shown.id ? { spans: focusSpans(currentItem, report.unit, codings), token: current.token } : null),
    [current, currentItem, shown, report.unit, codings],
  );

  const options = useMemo((): ComboOption[] => {
    const compared = report.documents.map((d) => ({ id: d.id, label: d.name, detail: say.count('disagreements', perDocument.get(d.id) ?? 0) }));
    const skipped = report.skippedDocuments.map((d) => ({ id: d.id, label: d.name, detail: say.skipped(d.reason), disabled: true }));
    const byName = (a: ComboOption, b: ComboOption) => format.compare(a.label, b.label);
    return [...compared.sort(byName), ...skipped.sort(byName)];
  }, [report, perDocument, t, format, say]);

  const skippedHere = documentId ? report.skippedDocuments.find((d) => d.id === documentId) : undefined;
  const inReport = documentId !== null && report.documents.some((d) => d.id === documentId);
  const previous = step(groups, current?.key ?? null, -1);
  const next = step(groups, current?.key ?? null, 1);
  const quote = (d: Disagreement) => {
    if (!index) return '';
    const end = Math.min(d.end, d.start + QUOTE_LENGTH, index.length);
    const text = index.slice(Math.min(d.start, end), end).replace(/\s+/g, ' ').trim();
    return end < d.end ? `${text}…` : text;
  };
  const codeLabel = codeId ? say.codeLabel(codeId, report.codes.find((c) => c.codeId === codeId)?.code ?? codeId) : null;

  return (
    <section className="ag-compare" aria-labelledby={`${id}-title`}>
      <div className="ag-compare-head">
        <h2 id={`${id}-title`}>{t('compareHeading')}</h2>
        <div className="ag-doc-picker">
          <Combobox
            label={t('document')}
            options={options}
            value={documentId}
            placeholder={t('documentPlaceholder')}
            onChange={(doc) => navigate({ view: 'agreement', documentId: doc })}
          />
        </div>
        <div className="ag-steps">
          <button type="button" className="ui-button" disabled={!previous} onClick={() => previous && onPick(previous)}>
            <span aria-hidden="true">↑ </span>
            {t('previous')}
          </button>
          <button type="button" className="ui-button" disabled={!next} onClick={() => next && onPick(next)}>
            <span aria-hidden="true">↓ </span>
            {t('next')}
          </button>
        </div>
      </div>
      <p className="ag-status" role="status">
        {currentItem && position >= 0 ? t('jumpStatus', { index: format.number(position + 1), count: format.number(flat.length), code: say.codeLabel(currentItem.codeId, currentItem.code) }) : ''}
      </p>
      {codeLabel && (
        <p className="ag-filter">
          <span className="ui-dot" style={{ background: colour(codeId!) }} aria-hidden="true" />
          {t('filteredBy', { code: codeLabel })}{' '}
          <button type="button" className="ui-button is-small" onClick={onClearCode}>
            {t('showAllCodes')}
          </button>
        </p>
      )}
      {documentId && !inReport && (
        <p className="ag-warning">{skippedHere ? t('notCompared', { reason: say.skipped(skippedHere.reason) }) : t('notComparedUnknown')}</p>
      )}
      {!documentId && <p className="ui-muted">{t('pickDocument')}</p>}

      <div className={`ag-compare-body${documentId ? '' : ' is-all'}`}>
        <DisagreementList
          groups={groups}
          currentKey={current?.key ?? null}
          onPick={onPick}
          quote={documentId ? quote : null}
          openAt={(d) => spansOf(d)[0]?.start ?? d.start}
          colour={colour}
          coderName={coderName}
          wholeDocument={report.unit === 'document'}
          headingId={listHeadingId}
          elsewhere={documentId ? report.documents.filter((d) => d.id !== documentId && perDocument.has(d.id)).map((d) => ({ id: d.id, name: d.name, count: perDocument.get(d.id)! })) : []}
          say={say}
        />
        {documentId && (
          <div className="ag-reader">
            {loaded.error ? (
              <LoadState error={loaded.error} onRetry={loaded.reload} />
            ) : !shown ? (
              <LoadState error={null} onRetry={loaded.reload} />
            ) : (
              <>
                <Legend codeIds={[...new Set(codings.map((c) => c.codeId))]} colour={colour} say={say} />
                {!supportsHighlights() && <p className="ag-warning">{t('noHighlightApi')}</p>}
                <CoderColumns text={shown.text} turns={shown.turns} coders={coders} codings={codings} colours={colours} disagreements={marked} current={currentSpans} say={say} />
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function Legend({ codeIds, colour, say }: { codeIds: string[]; colour(codeId: string): string; say: AgreementText }) {
  const { codes } = useWorkspace();
  const { t, format } = say;
  const items = codeIds.map((cid) => ({ id: cid, label: codes.find((c) => c.id === cid)?.name ?? cid })).sort((a, b) => format.compare(a.label, b.label));
  return (
    <ul className="ag-legend" aria-label={t('legend')}>
      <li>
        <span className="ag-sample-disagree">{t('legendDisagreement')}</span>
      </li>
      <li>
        <span className="ag-sample-current">{t('legendCurrent')}</span>
      </li>
      {items.map((c) => (
        <li key={c.id}>
          <span className="ag-swatch" style={{ background: colour(c.id) }} aria-hidden="true" />
          {c.label}
        </li>
      ))}
    </ul>
  );
}
