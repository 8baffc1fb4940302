// One cell's summary: typed text saves itself shortly after typing stops (and when
// the editor closes), always with the version it was based on. A stale save keeps
// the typed text, shows the other version and waits for an explicit Save.

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FrameworkCell } from '../../../core/model.ts';
import type { FrameworkViewCell } from '../../../analysis/framework.ts';
import { ApiError } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { frameworkApi } from './api.ts';
import { sameDraft, withLinks, withPrefill, type CellDraft } from './framework.ts';
import { frameworkMessages } from './messages.ts';

/** Quiet time after the last keystroke before saving. */
const AUTOSAVE_MS = 1200;

type Status = 'saved' | 'dirty' | 'saving' | 'conflict';

export interface CellEditorProps {
  matrixId: string;
  /** The cell as the grid last loaded it (after a conflict, the other version). */
  cell: FrameworkViewCell;
  caseName: string;
  themePath: string;
  coderId?: string;
  onSaved(cell: FrameworkCell): void;
  /** A save was refused as stale: reload the grid. */
  onConflict(): void;
  onClose(): void;
}

export function CellEditor({ matrixId, cell, caseName, themePath, coderId, onSaved, onConflict, onClose }: CellEditorProps) {
  const { project, user, notify } = useWorkspace();
  const t = useMessages(frameworkMessages);
  const id = useId();
  const client = useMemo(() => frameworkApi(project.id), [project.id]);
  const segments = useLoad(() => client.segments(matrixId, cell.caseId, cell.codeId, coderId), [client, matrixId, cell.caseId, cell.codeId, coderId]);
  const [draft, setDraft] = useState<CellDraft>({ summary: cell.summary, linked: cell.linkedSegmentIds });
  const [status, setStatus] = useState<Status>('saved');

  // Refs hold what the timers and the unmount flush must see at the moment they run.
  const latest = useRef(draft);
  const saved = useRef<CellDraft>({ summary: cell.summary, linked: cell.linkedSegmentIds });
  const base = useRef(cell.version);
  const inFlight = useRef(false);
  const conflicted = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const callbacks = useRef({ onSaved, onConflict });
  callbacks.current = { onSaved, onConflict };

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (conflicted.current || inFlight.current) return;
    const sending = latest.current;
    if (sameDraft(sending, saved.current)) {
      setStatus('saved');
      return;
    }
    inFlight.current = true;
    setStatus('saving');
    try {
      const written = await client.writeCell(matrixId, cell.caseId, cell.codeId, { version: base.current, authorId: user.id, summary: sending.summary, segmentIds: [...sending.linked] });
      base.current = written.version;
      saved.current = sending;
      callbacks.current.onSaved(written);
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'conflict') {
        conflicted.current = true;
        setStatus('conflict');
        callbacks.current.onConflict();
        return;
      }
      notify(t('saveFailed', { message: err instanceof Error ? err.message : String(err) }), 'error');
    } finally {
      inFlight.current = false;
    }
    // Typing while the save was on its way: save that too.
    if (!sameDraft(latest.current, saved.current)) {
      setStatus('dirty');
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    } else setStatus('saved');
  }, [client, matrixId, cell.caseId, cell.codeId, user.id, notify, t]);

  const change = (next: CellDraft) => {
    latest.current = next;
    setDraft(next);
    if (conflicted.current) return;
    setStatus('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };

  // Closing the editor or choosing another cell saves what was typed.
  useEffect(
    () => () => {
      if (!sameDraft(latest.current, saved.current)) void save();
    },
    [save],
  );
  useEffect(() => {
    if (status === 'saved') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [status]);

  /** After a conflict, the analyst has seen the other version: theirs is what this save replaces. */
  const saveNow = () => {
    if (conflicted.current) {
      conflicted.current = false;
      base.current = cell.version;
    }
    void save();
  };

  const prefill = async () => {
    try {
      const filled = await client.prefill(matrixId, cell.caseId, cell.codeId, coderId);
      change({ summary: withPrefill(latest.current.summary, filled.summary), linked: withLinks(latest.current.linked, filled.segmentIds) });
      notify(t('prefillDone'));
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const toggle = (segmentId: string, on: boolean) =>
    change({ ...latest.current, linked: on ? withLinks(latest.current.linked, [segmentId]) : latest.current.linked.filter((s) => s !== segmentId) });

  const list = segments.data ?? [];
  return (
    <section className="fw-editor" aria-labelledby={`${id}-title`}>
      <div className="fw-editor-head">
        <h2 id={`${id}-title`}>{t('editorTitle', { case: caseName, theme: themePath })}</h2>
        <button type="button" className="ui-button is-small" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {status === 'conflict' && (
        <div className="fw-conflict" role="alert">
          <p>{t('conflict')}</p>
          <p className="fw-their">
            <strong>{t('theirVersion')}</strong> {cell.summary}
          </p>
        </div>
      )}
      <label className="ui-field">
        <span>{t('summary')}</span>
        <textarea rows={8} value={draft.summary} onChange={(e) => change({ ...latest.current, summary: e.target.value })} aria-describedby={`${id}-hint`} />
      </label>
      <p id={`${id}-hint`} className="ui-muted fw-hint">
        {t('summaryHint')}
      </p>
      <div className="fw-editor-actions">
        <button type="button" className="ui-button is-primary" disabled={status === 'saving' || status === 'saved'} onClick={saveNow}>
          {t('save')}
        </button>
        <button type="button" className="ui-button" disabled={list.length === 0} onClick={() => void prefill()}>
          {t('prefill')}
        </button>
        <span className="fw-status" role="status" data-status={status}>
          {status === 'saving' ? t('saving') : status === 'saved' ? t('saved') : status === 'dirty' ? t('unsaved') : ''}
        </span>
      </div>
      <h3 className="fw-segments-title">{t('segments', { count: list.length })}</h3>
      {!segments.data ? (
        <LoadState error={segments.error} onRetry={segments.reload} />
      ) : list.length === 0 ? (
        <p className="ui-muted">{t('noSegments')}</p>
      ) : (
        <ul className="fw-segments">
          {list.map((s) => (
            <li key={s.segmentId}>
              <label className="fw-link">
                <input type="checkbox" checked={draft.linked.includes(s.segmentId)} onChange={(e) => toggle(s.segmentId, e.target.checked)} />
                <span className="ui-visually-hidden">{t('link')}</span>
              </label>
              <div>
                <a href={href({ view: 'coding', documentId: s.documentId, at: s.start })}>{t('open', { document: s.document })}</a>
                <q className="fw-quote">{s.quote}</q>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
