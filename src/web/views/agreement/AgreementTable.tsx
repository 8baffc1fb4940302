// The figures a team cites: overall, then per code (sortable, worst first), with
// an undefined value's reason on hover or focus, and the table as CSV.

import { useMemo } from 'react';
import type { AgreementReport, AgreementStatistics, CodeAgreement } from '../../../analysis/agreement.ts';
import type { Result } from '../../../core/stats/result.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { useLanguage } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { agreementRows, csvStyleFor, toCsv } from './csv.ts';
import { countBy } from './disagreements.ts';
import { UndefinedValue } from './UndefinedValue.tsx';
import type { AgreementText } from './useAgreementText.ts';

type Stat = Result<{ defined: true; value: number }> | null;

const valueOf = (r: Stat): number | null => (r?.defined ? r.value : null);

function StatValue({ result, show, say, ci }: { result: Stat; show(x: number): string; say: AgreementText; ci?: [number, number] }) {
  if (!result) return null;
  if (result.defined) {
    return (
      <>
        {show(result.value)}
        {ci && <span className="ag-ci">{say.t('ci', { low: say.coef(ci[0]), high: say.coef(ci[1]) })}</span>}
      </>
    );
  }
  return <UndefinedValue text={say.t('undefinedValue', { reason: say.reason(result.reason) })} />;
}

const kappaOf = (s: AgreementStatistics): Stat => s.cohenKappa ?? s.fleissKappa;
const ciOf = (s: AgreementStatistics): [number, number] | undefined => (s.cohenKappa?.defined ? s.cohenKappa.ci95 : undefined);

export interface AgreementTableProps {
  report: AgreementReport;
  codeId: string | null;
  onCode(codeId: string | null): void;
  /** Brings the disagreement list into view (shown while a code is selected). */
  onGoToList(): void;
  say: AgreementText;
}

export function AgreementTable({ report, codeId, onCode, onGoToList, say }: AgreementTableProps) {
  const { t, format, percent, coef } = say;
  const { codes, notify } = useWorkspace();
  const language = useLanguage();
  const colour = (cid: string) => codes.find((c) => c.id === cid)?.color ?? '#888888';
  const counts = useMemo(() => countBy(report.disagreements, (d) => d.codeId), [report]);
  const kappaHeader = report.coders.length > 2 ? t('colFleiss') : t('colCohen');
  const unitsHeader = { character: t('colUnitsCharacter'), segment: t('colUnitsSegment'), document: t('colUnitsDocument') }[report.unit];
  const unitName = { character: t('unitCharacter'), segment: t('unitSegment'), document: t('unitDocument') }[report.unit];
  const label = (c: CodeAgreement) => say.codeLabel(c.codeId, c.code);

  const columns: Column<CodeAgreement>[] = [
    {
      key: 'code',
      header: t('colCode'),
      rowHeader: true,
      sortValue: label,
      cell: (c) => (
        <button
          type="button"
          className="ag-code"
          aria-pressed={codeId === c.codeId}
          title={t('filterCode', { code: label(c) })}
          onClick={() => onCode(codeId === c.codeId ? null : c.codeId)}
        >
          <span className="ui-dot" style={{ background: colour(c.codeId) }} aria-hidden="true" />
          {label(c)}
        </button>
      ),
    },
    { key: 'percent', header: t('colPercent'), numeric: true, sortValue: (c) => valueOf(c.percentAgreement), cell: (c) => <StatValue result={c.percentAgreement} show={percent} say={say} /> },
    { key: 'kappa', header: kappaHeader, numeric: true, sortValue: (c) => valueOf(kappaOf(c)), cell: (c) => <StatValue result={kappaOf(c)} show={coef} say={say} ci={ciOf(c)} /> },
    { key: 'alpha', header: t('colAlpha'), numeric: true, sortValue: (c) => valueOf(c.krippendorffAlpha), cell: (c) => <StatValue result={c.krippendorffAlpha} show={coef} say={say} /> },
    ...(report.unit === 'character'
      ? [{ key: 'unitizing', header: t('colUnitizing'), numeric: true, sortValue: (c: CodeAgreement) => valueOf(c.unitizingAlpha), cell: (c: CodeAgreement) => <StatValue result={c.unitizingAlpha} show={coef} say={say} /> }]
      : []),
    { key: 'units', header: unitsHeader, numeric: true, sortValue: (c) => c.units, cell: (c) => format.number(c.units) },
    { key: 'disagreements', header: t('colDisagreements'), numeric: true, sortValue: (c) => counts.get(c.codeId) ?? 0, cell: (c) => format.number(counts.get(c.codeId) ?? 0) },
  ];

  const exportCsv = () => {
    const rows = agreementRows(report, {
      code: t('colCode'),
      percent: t('csvPercent'),
      kappa: kappaHeader,
      alpha: t('colAlpha'),
      unitizingAlpha: t('colUnitizing'),
      units: t('csvUnits', { unit: unitName }),
      codedBy: (coder) => t('csvCodedBy', { coder }),
      disagreements: t('colDisagreements'),
      undefinedBecause: t('csvUndefined'),
      overall: t('overallHeading'),
      codeName: say.codeLabel,
      undefinedAs: (statistic, reason) => t('csvReason', { statistic, reason: say.reason(reason) }),
      reasonSeparator: t('csvReasonSeparator'),
    });
    const file = `${t('csvFile')}-${report.unit}${report.onlyCoded ? `-${t('csvFileOnlyCoded')}` : ''}-${new Date().toISOString().slice(0, 10)}.csv`;
    const url = URL.createObjectURL(new Blob([toCsv(rows, csvStyleFor(language))], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    notify(t('exported', { file }));
  };

  const o = report.overall;
  return (
    <>
      <section className="ag-overall" aria-labelledby="ag-overall-title">
        <h2 id="ag-overall-title">{t('overallHeading')}</h2>
        <p className="ui-muted">{t('overallHint')}</p>
        <dl>
          <div>
            <dt>{t('colPercent')}</dt>
            <dd>
              <StatValue result={o.percentAgreement} show={percent} say={say} />
            </dd>
          </div>
          <div>
            <dt>{kappaHeader}</dt>
            <dd>
              <StatValue result={kappaOf(o)} show={coef} say={say} ci={ciOf(o)} />
            </dd>
          </div>
          <div>
            <dt>{t('colAlpha')}</dt>
            <dd>
              <StatValue result={o.krippendorffAlpha} show={coef} say={say} />
            </dd>
          </div>
          <div>
            <dt>{unitsHeader}</dt>
            <dd>{format.number(o.units)}</dd>
          </div>
          <div>
            <dt>{t('colDisagreements')}</dt>
            <dd>{format.number(report.disagreements.length)}</dd>
          </div>
        </dl>
      </section>
      <section className="ag-per-code" aria-labelledby="ag-per-code-title">
        <div className="ag-section-head">
          <h2 id="ag-per-code-title">{t('perCodeHeading')}</h2>
          {codeId && (
            <button type="button" className="ui-button" onClick={onGoToList}>
              {t('goToList')} <span aria-hidden="true">↓</span>
            </button>
          )}
          <button type="button" className="ui-button" onClick={exportCsv}>
            {t('exportCsv')}
          </button>
        </div>
        <p className="ui-muted">{t('sortHint')}</p>
        <DataTable
          caption={t('tableCaption', { coders: say.list(report.coders.map((c) => c.name)), unit: unitName.toLocaleLowerCase(format.locale) })}
          hideCaption
          columns={columns}
          rows={report.codes}
          rowKey={(c) => c.codeId}
          empty={t('noCodes')}
          initialSort={{ key: 'alpha', descending: false }}
          className="ag-table"
        />
      </section>
    </>
  );
}
