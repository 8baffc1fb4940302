// Intercoder agreement for a codebook meeting: choose coders and the unit, read
// the figures per code, and see where the coders differ, side by side.

import { useId, useMemo, useState } from 'react';
import type { AgreementUnit, Disagreement } from '../../../analysis/agreement.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { navigate } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { AgreementTable } from './AgreementTable.tsx';
import { Comparison } from './Comparison.tsx';
import { disagreementKey } from './disagreements.ts';
import { useAgreementText } from './useAgreementText.ts';
import './agreement.css';

const UNITS: AgreementUnit[] = ['character', 'segment', 'document'];
const UNIT_NAME = { character: 'unitCharacter', segment: 'unitSegment', document: 'unitDocument' } as const;

export function AgreementView(props: { documentId: string | null }) {
  const { documentId } = props;
  const { api, users } = useWorkspace();
  const say = useAgreementText();
  const { t, format } = say;
  const id = useId();
  const listHeadingId = `${id}-list`;

  const progress = useLoad(() => api.progress(), [api]);
  /** People who have coded something, by name, with their number of codings. */
  const coded = useMemo(
    () =>
      (progress.data?.coders ?? [])
        .filter((p) => p.codings > 0)
        .flatMap((p) => {
          const user = users.find((u) => u.id === p.coderId);
          return user ? [{ id: user.id, name: user.name, codings: p.codings }] : [];
        })
        .sort((a, b) => format.compare(a.name, b.name)),
    [progress.data, users, format],
  );
  const [chosen, setChosen] = useState<string[] | null>(null);
  const coderIds = useMemo(() => coded.filter((c) => (chosen ? chosen.includes(c.id) : true)).map((c) => c.id), [coded, chosen]);
  const [unit, setUnit] = useState<AgreementUnit>('character');
  const [onlyCoded, setOnlyCoded] = useState(false);
  const [codeId, setCodeId] = useState<string | null>(null);
  const [current, setCurrent] = useState<{ key: string; token: number } | null>(null);

  const enough = coderIds.length >= 2;
  const report = useLoad(() => (enough ? api.agreement(coderIds, { unit, onlyCoded }) : Promise.resolve(null)), [api, coderIds.join(), unit, onlyCoded]);
  const data = report.data ?? null;
  const columns = useMemo(() => data?.coders ?? [], [data]);
  const activeCode = data?.codes.some((c) => c.codeId === codeId) ? codeId : null;
  const notes = (data?.notes ?? []).map(say.note).filter((n): n is string => n !== null);

  const toggleCoder = (uid: string, on: boolean) => setChosen(on ? [...coderIds, uid] : coderIds.filter((c) => c !== uid));
  const pick = (d: Disagreement) => {
    setCurrent((c) => ({ key: disagreementKey(d), token: (c?.token ?? 0) + 1 }));
    if (d.documentId !== documentId) navigate({ view: 'agreement', documentId: d.documentId });
  };
  const filterCode = (cid: string | null) => {
    setCodeId(cid);
    setCurrent(null);
  };
  const goToList = () => {
    const heading = document.getElementById(listHeadingId);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  return (
    <div className="ag">
      <h1>{t('title')}</h1>
      <p className="ag-intro">{t('intro')}</p>

      <form className="ag-controls" aria-label={t('settings')} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="ag-coders">
          <legend>{t('coders')}</legend>
          {progress.error ? (
            <LoadState error={progress.error} onRetry={progress.reload} />
          ) : (
            coded.map((c) => (
              <label key={c.id} className="ag-check">
                <input type="checkbox" checked={coderIds.includes(c.id)} onChange={(e) => toggleCoder(c.id, e.target.checked)} />
                {c.name} <span className="ui-muted">({say.count('codings', c.codings)})</span>
              </label>
            ))
          )}
        </fieldset>
        <fieldset className="ag-units">
          <legend>{t('unit')}</legend>
          {UNITS.map((u) => {
            const name = UNIT_NAME[u];
            return (
              <label key={u} className="ag-radio">
                <input type="radio" name={`${id}-unit`} value={u} checked={unit === u} onChange={() => setUnit(u)} aria-describedby={`${id}-${u}`} />
                <span>
                  {t(name)}
                  <span id={`${id}-${u}`} className="ag-hint">
                    {t(`${name}Hint`)}
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
        <div className="ag-only">
          <label className="ag-check">
            <input type="checkbox" checked={onlyCoded} onChange={(e) => setOnlyCoded(e.target.checked)} aria-describedby={`${id}-notes`} />
            {t('onlyCoded')}
          </label>
          <div id={`${id}-notes`} className="ag-notes" aria-label={t('aboutFigures')} role="note">
            {notes.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </div>
        </div>
      </form>

      {progress.data && coded.length < 2 ? (
        <p className="ag-empty">{t('noCoders')}</p>
      ) : !enough ? (
        <p className="ag-empty" role="status">
          {t('needTwo')}
        </p>
      ) : report.error ? (
        <LoadState error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <LoadState error={null} onRetry={report.reload} />
      ) : (
        <div className={`ag-results${report.loading ? ' is-loading' : ''}`} aria-busy={report.loading}>
          <p className="ag-scope">
            {say.count('compared', data.documents.length)}
            {report.loading && <span className="ui-muted"> {t('updating')}</span>}
          </p>
          {data.skippedDocuments.length > 0 && (
            <details className="ag-skipped">
              <summary>{say.count('skipped', data.skippedDocuments.length)}</summary>
              <ul>
                {data.skippedDocuments.map((d) => (
                  <li key={d.id}>{t('skippedItem', { document: d.name, reason: say.skipped(d.reason) })}</li>
                ))}
              </ul>
            </details>
          )}
          <AgreementTable report={data} codeId={activeCode} onCode={filterCode} onGoToList={goToList} say={say} />
          <Comparison
            report={data}
            coders={columns}
            documentId={documentId}
            codeId={activeCode}
            onClearCode={() => filterCode(null)}
            current={current}
            onPick={pick}
            listHeadingId={listHeadingId}
            say={say}
          />
        </div>
      )}
    </div>
  );
}
