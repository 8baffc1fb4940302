// The needs and barriers catalogues: each entry with its codes, added, edited
// (saved against the version shown; a stale one reloads) and deleted.

import { useId, useState } from 'react';
import { NEED_HORIZONS, NEED_PURPOSES, type Barrier, type Need, type NeedHorizon, type NeedPurpose } from '../../../core/needs.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { editAction } from '../../components/edit-action.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { codePath } from '../codebook/codebook.ts';
import type { GapsApi } from './api.ts';
import { CodePicker } from './CodePicker.tsx';
import { gapsMessages } from './messages.ts';

interface Draft {
  name: string;
  description: string;
  horizon: NeedHorizon;
  purpose: NeedPurpose;
  codeIds: string[];
}
type Kind = 'need' | 'barrier';
type Entry = Need | Barrier;
const blank: Draft = { name: '', description: '', horizon: 'short_term', purpose: 'protection', codeIds: [] };
const draftOf = (e: Entry): Draft => ({ ...blank, ...e, codeIds: [...e.codeIds] });

export function CatalogueTab({ gaps }: { gaps: GapsApi }) {
  const t = useMessages(gapsMessages);
  const needs = useLoad(() => gaps.needs(), [gaps]);
  const barriers = useLoad(() => gaps.barriers(), [gaps]);
  return (
    <div className="gp-catalogues">
      <Catalogue kind="need" title={t('needsCatalogue')} entries={needs.data} error={needs.error} reload={needs.reload} gaps={gaps} />
      <Catalogue kind="barrier" title={t('barriersCatalogue')} entries={barriers.data} error={barriers.error} reload={barriers.reload} gaps={gaps} />
    </div>
  );
}

interface CatalogueProps {
  kind: Kind;
  title: string;
  entries: Entry[] | undefined;
  error: string | null;
  reload(): void;
  gaps: GapsApi;
}

function Catalogue({ kind, title, entries, error, reload, gaps }: CatalogueProps) {
  const { codes, notify } = useWorkspace();
  const t = useMessages(gapsMessages);
  const id = useId();
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Entry | null>(null);

  const act = editAction({
    notify,
    conflict: (name) => t('catalogueConflict', { name }),
    close: () => (setEditing(null), setDeleting(null)),
    reload,
  });

  const save = (d: Draft) => {
    const common = { name: d.name.trim(), description: d.description, codeIds: d.codeIds };
    const fields = kind === 'need' ? { ...common, horizon: d.horizon, purpose: d.purpose } : common;
    if (editing === 'new') {
      return act(() => (kind === 'need' ? gaps.createNeed({ ...common, horizon: d.horizon, purpose: d.purpose }) : gaps.createBarrier(common)), t('created', { name: common.name }), common.name);
    }
    if (!editing) return Promise.resolve();
    const entry = editing;
    return act(
      () => (kind === 'need' ? gaps.updateNeed(entry.id, entry.version, fields) : gaps.updateBarrier(entry.id, entry.version, fields)),
      t('saved', { name: common.name }),
      entry.name,
    );
  };

  return (
    <section className="gp-catalogue" aria-labelledby={`${id}-title`}>
      <div className="gp-catalogue-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" className="ui-button" onClick={() => setEditing('new')}>
          {kind === 'need' ? t('newNeed') : t('newBarrier')}
        </button>
      </div>
      {editing === 'new' && <EntryForm kind={kind} initial={blank} onSave={save} onCancel={() => setEditing(null)} />}
      {!entries ? (
        <LoadState error={error} onRetry={reload} />
      ) : (
        <ul className="gp-entries">
          {entries.map((e) => (
            <li key={e.id} className="gp-entry">
              {editing !== 'new' && editing?.id === e.id ? (
                <EntryForm kind={kind} initial={draftOf(e)} onSave={save} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <div className="gp-entry-head">
                    <strong>{e.name}</strong>
                    {'horizon' in e && (
                      <>
                        <span className="ui-badge">{t(`horizon_${e.horizon}`)}</span>
                        <span className="ui-badge">{t(`purpose_${e.purpose}`)}</span>
                      </>
                    )}
                    <span className="gp-entry-actions">
                      <button type="button" className="ui-button is-small" onClick={() => setEditing(e)}>
                        {t('edit')}
                      </button>
                      <button type="button" className="ui-button is-small is-danger" onClick={() => setDeleting(e)}>
                        {t('delete')}
                      </button>
                    </span>
                  </div>
                  {e.description && <p className="gp-entry-text">{e.description}</p>}
                  <p className="ui-muted gp-entry-text">
                    {t('codes')}: {e.codeIds.length ? e.codeIds.map((c) => (codes.some((x) => x.id === c) ? codePath(codes, c) : c)).join('; ') : t('noCodes')}
                  </p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('delete')}
          confirmLabel={t('delete')}
          onConfirm={() => void act(() => (kind === 'need' ? gaps.deleteNeed(deleting.id) : gaps.deleteBarrier(deleting.id)), t('deleted', { name: deleting.name }), deleting.name)}
          onClose={() => setDeleting(null)}
        >
          <p>{t('confirmDelete', { name: deleting.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function EntryForm({ kind, initial, onSave, onCancel }: { kind: Kind; initial: Draft; onSave(d: Draft): Promise<void>; onCancel(): void }) {
  const t = useMessages(gapsMessages);
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <form
      className="gp-entry-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.name.trim()) return;
        setSaving(true);
        void onSave(draft).finally(() => setSaving(false));
      }}
    >
      <label className="ui-field">
        <span>{t('name')}</span>
        <input required value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label className="ui-field">
        <span>{t('description')}</span>
        <textarea rows={2} value={draft.description} onChange={(e) => set('description', e.target.value)} />
      </label>
      {kind === 'need' && (
        <div className="gp-entry-row">
          <SelectField label={t('horizon')} choices={NEED_HORIZONS.map((h) => ({ value: h, label: t(`horizon_${h}`) }))} value={draft.horizon} onChange={(v) => set('horizon', v as NeedHorizon)} />
          <SelectField label={t('purpose')} choices={NEED_PURPOSES.map((p) => ({ value: p, label: t(`purpose_${p}`) }))} value={draft.purpose} onChange={(v) => set('purpose', v as NeedPurpose)} />
        </div>
      )}
      <CodePicker label={t('codes')} value={draft.codeIds} onChange={(ids) => set('codeIds', ids)} />
      <div className="gp-actions">
        <button type="submit" className="ui-button is-primary" disabled={saving || !draft.name.trim()}>
          {saving ? t('saving') : initial.name ? t('save') : t('add')}
        </button>
        <button type="button" className="ui-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
