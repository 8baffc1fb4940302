// Framework matrix (Ritchie and Spencer's charting): choose or create a matrix, see
// cases × themes with each cell's summary and counts, edit a cell beside the grid
// with its coded segments, and read a row (vertical) or a column (horizontal) as a list.

import { useMemo, useState } from 'react';
import { CoderSelect } from '../../components/CaseFilters.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { navigate } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { Downloads } from '../../components/Downloads.tsx';
import { frameworkApi } from './api.ts';
import { CellEditor } from './CellEditor.tsx';
import { reading, themeName } from './framework.ts';
import { frameworkMessages } from './messages.ts';
import { NewMatrixDialog } from './NewMatrixDialog.tsx';
import './framework.css';

const TABLE_FORMATS = ['csv', 'xlsx'] as const;

type Reading = { row: number } | { column: number } | null;

export function FrameworkView({ matrixId }: { matrixId: string | null }) {
  const { project, users, notify } = useWorkspace();
  const t = useMessages(frameworkMessages);
  const format = useFormat();
  const client = useMemo(() => frameworkApi(project.id), [project.id]);
  const matrices = useLoad(() => client.matrices(), [client]);
  const [coderId, setCoderId] = useState('');
  const view = useLoad(() => (matrixId ? client.view(matrixId, coderId || undefined) : Promise.resolve(null)), [client, matrixId, coderId]);
  const [selected, setSelected] = useState<{ caseId: string; codeId: string } | null>(null);
  const [read, setRead] = useState<Reading>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const data = view.data && view.data.matrix?.id === matrixId ? view.data : null;
  const at = data && selected ? { i: data.rows.findIndex((r) => r.id === selected.caseId), j: data.themes.findIndex((x) => x.codeId === selected.codeId) } : null;
  const cell = data && at && at.i >= 0 && at.j >= 0 ? data.cells[at.i]![at.j]! : null;
  const list = matrices.data ?? [];
  const current = list.find((m) => m.id === matrixId) ?? null;
  const n = format.number;

  const remove = async () => {
    if (!current) return;
    try {
      await client.deleteMatrix(current.id);
      notify(t('deleted'));
      setDeleting(false);
      matrices.reload();
      navigate({ view: 'framework', matrixId: null });
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <div className="fw">
      <div className="fw-head">
        <h1>{t('title')}</h1>
        <p className="ui-muted fw-intro">{t('intro')}</p>
      </div>
      <div className="fw-controls">
        <SelectField
          label={t('matrix')}
          anyLabel={t('chooseMatrix')}
          className="fw-choose"
          choices={list.map((m) => ({ value: m.id, label: m.name }))}
          value={matrixId ?? ''}
          onChange={(v) => navigate({ view: 'framework', matrixId: v || null })}
        />
        <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} className="fw-coder" users={users} value={coderId} onChange={setCoderId} />
        <button type="button" className="ui-button is-primary" onClick={() => setCreating(true)}>
          {t('newMatrix')}
        </button>
        {current && (
          <button type="button" className="ui-button is-danger" onClick={() => setDeleting(true)}>
            {t('deleteMatrix')}
          </button>
        )}
        {current && <Downloads links={TABLE_FORMATS.map((format) => ({ format, href: client.downloadUrl(current.id, format, coderId || undefined), what: 'table' }))} />}
      </div>

      {!matrices.data ? (
        <LoadState error={matrices.error} onRetry={matrices.reload} />
      ) : !matrixId ? (
        <p className="fw-empty">{list.length === 0 ? t('noMatrices') : t('chooseMatrix')}</p>
      ) : !data ? (
        <LoadState error={view.error} onRetry={view.reload} />
      ) : (
        <div className={`fw-layout${cell ? ' has-editor' : ''}`}>
          {read ? (
            <section className="fw-reading" aria-labelledby="fw-reading-title">
              <div className="fw-editor-head">
                <h2 id="fw-reading-title">
                  {'row' in read ? t('rowReading', { name: data.rows[read.row]!.name }) : t('columnReading', { name: data.themes[read.column]!.path })}
                </h2>
                <button type="button" className="ui-button is-small" onClick={() => setRead(null)}>
                  {t('closeReading')}
                </button>
              </div>
              <ol className="fw-reading-list">
                {reading(data, read).map((item) => (
                  <li key={`${item.cell.caseId}/${item.cell.codeId}`}>
                    <h3>
                      <button type="button" className="fw-reading-open" onClick={() => setSelected({ caseId: item.cell.caseId, codeId: item.cell.codeId })}>
                        {item.label}
                      </button>{' '}
                      <span className="ui-badge">{t('cellCounts', { linked: n(item.cell.linkedSegmentIds.length), coded: n(item.cell.segments) })}</span>
                    </h3>
                    <p className={item.cell.summary ? 'fw-summary' : 'ui-muted'}>{item.cell.summary || t('noSummary')}</p>
                  </li>
                ))}
              </ol>
            </section>
          ) : (
            <div className="fw-grid-wrap" aria-busy={view.loading}>
              <table className="fw-grid">
                <caption className="ui-visually-hidden">{current?.name}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="fw-corner">
                      {t(`rowKind_${data.rowKind}`)}
                    </th>
                    {data.themes.map((theme, j) => (
                      <th key={theme.codeId} scope="col" title={theme.path}>
                        <span>{themeName(theme.path)}</span>
                        <button type="button" className="fw-read" aria-label={t('readColumn', { name: theme.path })} onClick={() => setRead({ column: j })}>
                          ↓
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row, i) => (
                    <tr key={row.id}>
                      <th scope="row">
                        <span>{row.name}</span>
                        <button type="button" className="fw-read" aria-label={t('readRow', { name: row.name })} onClick={() => setRead({ row: i })}>
                          →
                        </button>
                      </th>
                      {data.cells[i]!.map((c, j) => {
                        const isSelected = selected?.caseId === c.caseId && selected.codeId === c.codeId;
                        return (
                          <td key={c.codeId} className={c.segments === 0 && !c.summary ? 'is-empty' : undefined}>
                            <button
                              type="button"
                              className="fw-cell"
                              aria-pressed={isSelected}
                              aria-label={t('cellLabel', { case: row.name, theme: data.themes[j]!.path })}
                              onClick={() => setSelected({ caseId: c.caseId, codeId: c.codeId })}
                            >
                              <span className="fw-cell-text">{c.summary}</span>
                              <span className="fw-cell-counts">{t('cellCounts', { linked: n(c.linkedSegmentIds.length), coded: n(c.segments) })}</span>
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {cell && at && (
            <CellEditor
              key={`${cell.caseId}/${cell.codeId}/${coderId}`}
              matrixId={data.matrix!.id}
              cell={cell}
              caseName={data.rows[at.i]!.name}
              themePath={data.themes[at.j]!.path}
              {...(coderId ? { coderId } : {})}
              onSaved={() => view.reload()}
              onConflict={() => view.reload()}
              onClose={() => setSelected(null)}
            />
          )}
        </div>
      )}
      {creating && (
        <NewMatrixDialog
          onClose={() => setCreating(false)}
          onCreated={(m) => {
            setCreating(false);
            matrices.reload();
            navigate({ view: 'framework', matrixId: m.id });
          }}
        />
      )}
      {deleting && current && (
        <ConfirmDialog title={t('deleteTitle')} confirmLabel={t('deleteMatrix')} onConfirm={() => void remove()} onClose={() => setDeleting(false)}>
          <p>{t('deleteBody', { name: current.name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
