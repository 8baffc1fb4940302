// The codebook: the code tree with counts, search, drag-and-drop (or "Move
// to…") nesting, and a side panel to edit, move, merge or delete a code.

import { useCallback, useMemo, useState } from 'react';
import type { CodeWithCounts } from '../../../core/read-models.ts';
import type { ExchangeReport as Report } from '../../../exchange/report.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FileButton } from '../../components/FileButton.tsx';
import { ExchangeReport } from '../../components/ExchangeReport.tsx';
import { Tree } from '../../components/Tree.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { ancestorIds, flatten } from '../../components/tree.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { useCodebookAction } from './actions.ts';
import { CodeEditor } from './CodeEditor.tsx';
import { DeleteDialog, MergeDialog, MoveDialog, NewCodeDialog } from './CodeDialogs.tsx';
import { canMove, codeForest, searchForest } from './codebook.ts';
import { codebookMessages } from './messages.ts';
import './codebook.css';

type Open =
  | { dialog: 'new'; codable: boolean }
  | { dialog: 'move' | 'merge' | 'delete'; code: CodeWithCounts }
  | { dialog: 'discard'; next: string }
  | { dialog: 'imported'; report: Report }
  | null;

export function CodebookView() {
  const { api, codes, notify, refreshCodes } = useWorkspace();
  const t = useMessages(codebookMessages);
  const format = useFormat();
  const act = useCodebookAction();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(codes.filter((c) => c.parentId === null).map((c) => c.id)));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [importing, setImporting] = useState(false);

  const forest = useMemo(() => codeForest(codes, format.compare), [codes, format]);
  const shown = useMemo(() => searchForest(forest, query), [forest, query]);
  const searching = query.trim() !== '';
  const shownExpanded = useMemo(() => (searching ? new Set(flatten(shown).map((n) => n.item.id)) : expanded), [searching, shown, expanded]);
  const selected = codes.find((c) => c.id === selectedId) ?? null;
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);

  const reveal = (id: string) => setExpanded((prev) => new Set([...prev, ...ancestorIds(codes, id)]));
  const select = (id: string) => {
    if (id === selectedId) return;
    if (dirty && selected) setOpen({ dialog: 'discard', next: id });
    else setSelectedId(id);
  };
  const onExpand = (id: string, isOpen: boolean) => {
    if (searching) return;
    setExpanded((prev) => {
      const next = new Set(prev);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const move = (id: string, parentId: string | null) => {
    const code = codes.find((c) => c.id === id);
    const parent = codes.find((c) => c.id === parentId);
    if (!code) return;
    if (parentId) setExpanded((prev) => new Set([...prev, parentId]));
    void act(
      () => api.updateCode(id, code.version, { parentId }),
      () => (parent ? t('moved', { name: code.name, parent: parent.name }) : t('movedTop', { name: code.name })),
      code.name,
    );
  };

  const askDelete = (code: CodeWithCounts) => {
    if (codes.some((c) => c.parentId === code.id)) notify(t('deleteHasChildren', { name: code.name }), 'error');
    else setOpen({ dialog: 'delete', code });
  };
  const askMerge = (code: CodeWithCounts) => setOpen({ dialog: 'merge', code });

  // A REFI-QDA codebook: codes already here by name are matched, the rest added.
  const importCodebook = async (file: File) => {
    setImporting(true);
    try {
      const report = await api.importCodebook(file);
      await refreshCodes();
      setOpen({ dialog: 'imported', report });
    } catch (err) {
      notify(t('importFailed', { message: (err as Error).message }), 'error');
    } finally {
      setImporting(false);
    }
  };

  const categories = codes.filter((c) => !c.codable).length;
  const n = format.number;

  return (
    <div className="cb">
      <div className="cb-main">
        <div className="cb-head">
          <h1>{t('title')}</h1>
          <p className="ui-muted">{t('summary', { codes: n(codes.length - categories), categories: n(categories) })}</p>
        </div>
        <div className="cb-toolbar">
          <label className="ui-field cb-search">
            <span>{t('search')}</span>
            <input type="search" value={query} placeholder={t('searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <button type="button" className="ui-button" onClick={() => setOpen({ dialog: 'new', codable: true })}>
            {t('newCode')}
          </button>
          <button type="button" className="ui-button" onClick={() => setOpen({ dialog: 'new', codable: false })}>
            {t('newCategory')}
          </button>
          <button type="button" className="ui-button" disabled={searching} onClick={() => setExpanded(new Set(codes.map((c) => c.id)))}>
            {t('expandAll')}
          </button>
          <button type="button" className="ui-button" disabled={searching} onClick={() => setExpanded(new Set())}>
            {t('collapseAll')}
          </button>
          <FileButton label={importing ? t('importing') : t('importCodebook')} accept=".qdc" disabled={importing} onFiles={([file]) => void importCodebook(file!)} />
          <a className="ui-button" style={{ textDecoration: 'none' }} href={api.exportUrl('qdc')} download>
            {t('exportCodebook')}
          </a>
        </div>
        {searching && (
          <p className="ui-muted cb-searchcount" role="status">
            {shown.length === 0 ? t('noMatch', { query: query.trim() }) : t('searchCount', { count: n(flatten(shown).length) })}
          </p>
        )}
        <div className="cb-tree">
          <div className="cb-tree-head" aria-hidden="true">
            <span>{t('tree')}</span>
            <span title={t('segments')}>{t('segmentsShort')}</span>
            <span title={t('documents')}>{t('documentsShort')}</span>
            <span title={t('cases')}>{t('casesShort')}</span>
          </div>
          {codes.length === 0 && <p className="ui-muted cb-empty">{t('noCodes')}</p>}
          <Tree
            forest={shown}
            getId={(c) => c.id}
            getLabel={(c) => c.name}
            label={t('tree')}
            expanded={shownExpanded}
            onExpand={onExpand}
            selectedId={selectedId}
            onSelect={select}
            drag={{ canDrop: (id, target) => canMove(codes, id, target), onDrop: move }}
            renderItem={(c) => {
              const counts = c.codable ? c.counts : c.totalCounts;
              return (
                <>
                  <span className="ui-dot" style={{ background: c.color }} aria-hidden="true" />
                  <span className={`cb-name${c.codable ? '' : ' is-category'}`}>{c.name}</span>
                  {!c.codable && <span className="ui-visually-hidden">({t('category')})</span>}
                  <span className="cb-count">
                    {n(counts.segments)}
                    <span className="ui-visually-hidden"> {t('segments')},</span>
                  </span>
                  <span className="cb-count">
                    {n(counts.documents)}
                    <span className="ui-visually-hidden"> {t('documents')},</span>
                  </span>
                  <span className="cb-count">
                    {n(counts.cases)}
                    <span className="ui-visually-hidden"> {t('cases')}</span>
                  </span>
                </>
              );
            }}
          />
        </div>
        <p className="ui-muted cb-hint">{t('dragHint')}</p>
      </div>

      <aside className="cb-side" aria-label={t('editing')}>
        {selected ? (
          <CodeEditor
            key={selected.id}
            code={selected}
            onDirtyChange={onDirtyChange}
            onMove={() => setOpen({ dialog: 'move', code: selected })}
            onMerge={() => askMerge(selected)}
            onDelete={() => askDelete(selected)}
          />
        ) : (
          <p className="ui-muted cb-prompt">{t('selectPrompt')}</p>
        )}
      </aside>

      {open?.dialog === 'new' && (
        <NewCodeDialog
          codable={open.codable}
          parentId={selected ? (selected.codable ? selected.parentId : selected.id) : null}
          onClose={() => setOpen(null)}
          onCreated={(id) => {
            setOpen(null);
            reveal(id);
            setSelectedId(id);
          }}
        />
      )}
      {open?.dialog === 'move' && <MoveDialog code={open.code} onClose={() => setOpen(null)} />}
      {open?.dialog === 'merge' && <MergeDialog code={open.code} onClose={() => setOpen(null)} />}
      {open?.dialog === 'delete' && (
        <DeleteDialog
          code={open.code}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setOpen(null);
            setSelectedId(null);
          }}
        />
      )}
      {open?.dialog === 'imported' && (
        <Dialog
          title={t('importedTitle')}
          onClose={() => setOpen(null)}
          actions={
            <button type="button" className="ui-button is-primary" onClick={() => setOpen(null)}>
              {t('close')}
            </button>
          }
        >
          <ExchangeReport report={open.report} />
        </Dialog>
      )}
      {open?.dialog === 'discard' && selected && (
        <Dialog
          title={t('unsavedTitle')}
          onClose={() => setOpen(null)}
          actions={
            <button
              type="button"
              className="ui-button is-primary is-danger"
              onClick={() => {
                setSelectedId(open.next);
                setOpen(null);
              }}
            >
              {t('discard')}
            </button>
          }
        >
          <p>{t('unsavedBody', { name: selected.name })}</p>
        </Dialog>
      )}
    </div>
  );
}
