// The side panel: a code's definition and criteria, edited as a draft and
// saved with the version it was based on. If someone else changes the code
// meanwhile, an unchanged draft follows silently; a changed one is kept and
// the user decides.

import { useEffect, useId, useState } from 'react';
import type { Code } from '../../../core/model.ts';
import type { CodeWithCounts } from '../../../core/read-models.ts';
import { ApiError } from '../../api.ts';
import { ColorPicker } from '../../components/ColorPicker.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { codePath } from './codebook.ts';
import { codebookMessages } from './messages.ts';

const FIELDS = ['name', 'color', 'definition', 'inclusion', 'exclusion', 'example', 'codable'] as const;
type Draft = Pick<Code, (typeof FIELDS)[number]>;

const draftOf = (c: Code): Draft => ({ name: c.name, color: c.color, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, codable: c.codable });
const changes = (from: Draft, to: Draft): Partial<Draft> => Object.fromEntries(FIELDS.filter((f) => from[f] !== to[f]).map((f) => [f, to[f]]));
const same = (a: Draft, b: Draft) => Object.keys(changes(a, b)).length === 0;

export interface CodeEditorProps {
  code: CodeWithCounts;
  onDirtyChange(dirty: boolean): void;
  onMove(): void;
  onMerge(): void;
  onDelete(): void;
}

export function CodeEditor({ code, onDirtyChange, onMove, onMerge, onDelete }: CodeEditorProps) {
  const { api, codes, refreshCodes, notify } = useWorkspace();
  const t = useMessages(codebookMessages);
  const format = useFormat();
  const id = useId();
  const [base, setBase] = useState<Code>(code);
  const [draft, setDraft] = useState<Draft>(() => draftOf(code));
  const [saving, setSaving] = useState(false);
  const dirty = !same(draftOf(base), draft);

  // Someone (maybe us, by moving it) changed the code: follow when that is safe.
  if (code.version !== base.version && (!dirty || same(draftOf(base), draftOf(code)))) {
    setBase(code);
    if (!dirty) setDraft(draftOf(code));
  }
  const stale = code.version !== base.version;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    if (!draft.name.trim()) return;
    setSaving(true);
    try {
      const updated = await api.updateCode(code.id, base.version, changes(draftOf(base), { ...draft, name: draft.name.trim() }));
      setBase(updated);
      setDraft(draftOf(updated));
      await refreshCodes();
      notify(t('saved', { name: updated.name }));
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'conflict') {
        notify(t('conflictNotice', { name: base.name }), 'error');
        await refreshCodes();
      } else notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setSaving(false);
    }
  };

  const own = code.counts;
  const total = code.totalCounts;
  const hasChildren = codes.some((c) => c.parentId === code.id);
  const n = format.number;

  return (
    <form
      className="cb-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="cb-editor-head">
        <span className="ui-dot cb-editor-dot" style={{ background: draft.color }} aria-hidden="true" />
        <div>
          <h2 id={`${id}-title`}>{code.name}</h2>
          {code.parentId && <p className="ui-muted cb-path">{codePath(codes, code.parentId)}</p>}
        </div>
      </div>
      <p className="cb-counts">
        {code.codable && t('countsLine', { segments: n(own.segments), documents: n(own.documents), cases: n(own.cases) })}
        {hasChildren && (
          <span className={code.codable ? 'ui-muted' : undefined}>
            {t('totalsLine', { segments: n(total.segments), documents: n(total.documents), cases: n(total.cases) })}
          </span>
        )}
      </p>
      <div className="cb-actions">
        <a className="ui-button is-small" href={href({ view: 'retrieval', codeId: code.id })}>
          {t('retrieve')}
        </a>
        <button type="button" className="ui-button is-small" onClick={onMove}>
          {t('moveTo')}
        </button>
        <button type="button" className="ui-button is-small" onClick={onMerge}>
          {t('mergeInto')}
        </button>
        <button type="button" className="ui-button is-small is-danger" onClick={onDelete}>
          {t('delete')}
        </button>
      </div>

      {stale && (
        <div className="cb-stale" role="alert">
          <p>{t('staleDraft')}</p>
          <div>
            <button type="button" className="ui-button is-small" onClick={() => setBase(code)}>
              {t('keepMine')}
            </button>
            <button
              type="button"
              className="ui-button is-small"
              onClick={() => {
                setBase(code);
                setDraft(draftOf(code));
              }}
            >
              {t('discardMine')}
            </button>
          </div>
        </div>
      )}

      <label className="ui-field">
        <span>{t('name')}</span>
        <input required value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <ColorPicker label={t('colour')} value={draft.color} onChange={(v) => set('color', v)} />
      <fieldset className="cb-kind">
        <legend>{t('kind')}</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={draft.codable} onChange={() => set('codable', true)} /> {t('kindCode')}
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={!draft.codable} onChange={() => set('codable', false)} /> {t('kindCategory')}
        </label>
      </fieldset>
      {(['definition', 'inclusion', 'exclusion', 'example'] as const).map((field) => (
        <label key={field} className="ui-field">
          <span>{t(field)}</span>
          <textarea rows={field === 'definition' ? 4 : 2} value={draft[field]} onChange={(e) => set(field, e.target.value)} />
        </label>
      ))}
      <div className="cb-save">
        <button type="submit" className="ui-button is-primary" disabled={!dirty || saving || stale || !draft.name.trim()}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" className="ui-button" disabled={!dirty || saving} onClick={() => setDraft(draftOf(base))}>
          {t('revert')}
        </button>
      </div>
    </form>
  );
}
