// The team's memos, grouped by what they are about, with links to it; add a
// project or code memo, edit (version-checked) and delete.

import { useMemo, useState, type ReactNode } from 'react';
import type { Memo, MemoTargetKind, TextQuote } from '../../../core/model.ts';
import { MEMO_TARGET_KINDS } from '../../../core/model.ts';
import type { DocumentRow } from '../../../core/read-models.ts';
import { ApiError, type Api } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages, type Translate } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { codeOptions, codePath } from '../codebook/codebook.ts';
import { ALL_MEMOS, countByKind, filterMemos, groupMemos, type MemoFilter } from './memos.ts';
import { memosMessages } from './messages.ts';
import './memos.css';

type T = Translate<typeof memosMessages.en>;

interface SegmentPlace {
  documentId: string;
  documentName: string;
  start: number;
  quote: TextQuote;
}

/** Where each annotated passage is, one request per passage memo (there are few). */
async function segmentPlaces(api: Api, documents: DocumentRow[], segmentIds: string[]): Promise<Map<string, SegmentPlace>> {
  const names = new Map(documents.map((d) => [d.id, d.name]));
  const segments = await Promise.all([...new Set(segmentIds)].map((id) => api.segment(id).catch(() => null)));
  const places = new Map<string, SegmentPlace>();
  for (const s of segments) if (s) places.set(s.id, { documentId: s.documentId, documentName: names.get(s.documentId) ?? '', start: s.start, quote: s.quote });
  return places;
}

export function MemosView() {
  const { api, users } = useWorkspace();
  const t = useMessages(memosMessages);
  const format = useFormat();
  const [filter, setFilter] = useState<MemoFilter>(ALL_MEMOS);
  const [adding, setAdding] = useState(false);
  const memos = useLoad(() => api.memos(), [api]);
  const context = useLoad(() => Promise.all([api.documents(), api.cases()]), [api]);
  const segmentIds = useMemo(() => (memos.data ?? []).flatMap((m) => (m.target.kind === 'segment' ? [m.target.id] : [])), [memos.data]);
  const documents = context.data?.[0];
  const places = useLoad(
    () => (segmentIds.length && documents ? segmentPlaces(api, documents, segmentIds) : Promise.resolve(new Map<string, SegmentPlace>())),
    [api, segmentIds, documents],
  );

  const all = memos.data ?? [];
  const shown = useMemo(() => filterMemos(all, filter), [all, filter]);
  const groups = useMemo(() => groupMemos(shown), [shown]);
  const counts = countByKind(all);
  const authors = users.filter((u) => all.some((m) => m.authorId === u.id));
  const set = <K extends keyof MemoFilter>(key: K, value: MemoFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  return (
    <div className="mm">
      <div className="mm-head">
        <h1>{t('title')}</h1>
        {memos.data && (
          <p className="ui-muted" role="status">
            {t('count', { shown: format.number(shown.length), total: format.number(all.length) })}
          </p>
        )}
        <button type="button" className="ui-button is-primary mm-new" onClick={() => setAdding(true)}>
          {t('newMemo')}
        </button>
      </div>
      <form className="mm-filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="ui-field">
          <span>{t('about')}</span>
          <select value={filter.kind} onChange={(e) => set('kind', e.target.value as MemoTargetKind | '')}>
            <option value="">
              {t('anything')} ({format.number(all.length)})
            </option>
            {MEMO_TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)} ({format.number(counts[k])})
              </option>
            ))}
          </select>
        </label>
        <label className="ui-field">
          <span>{t('author')}</span>
          <select value={filter.authorId} onChange={(e) => set('authorId', e.target.value)}>
            <option value="">{t('anyAuthor')}</option>
            {authors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="ui-field mm-search">
          <span>{t('search')}</span>
          <input type="search" value={filter.text} placeholder={t('searchPlaceholder')} onChange={(e) => set('text', e.target.value)} />
        </label>
      </form>

      {!memos.data ? (
        <LoadState error={memos.error} onRetry={memos.reload} />
      ) : shown.length === 0 ? (
        <p className="mm-empty">{all.length === 0 ? t('none') : t('noMatch')}</p>
      ) : (
        groups.map((g) => (
          <section key={g.kind} className="mm-group" aria-labelledby={`mm-group-${g.kind}`}>
            <h2 id={`mm-group-${g.kind}`}>
              {t(`kind_${g.kind}`)} <span className="ui-badge">{format.number(g.memos.length)}</span>
            </h2>
            <ul className="mm-list">
              {g.memos.map((m) => (
                <MemoCard
                  key={m.id}
                  memo={m}
                  about={<About memo={m} documents={documents ?? []} cases={context.data?.[1] ?? []} places={places.data} t={t} />}
                  onChanged={memos.reload}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      {adding && (
        <NewMemoDialog
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            memos.reload();
          }}
        />
      )}
    </div>
  );
}

function About({ memo, documents, cases, places, t }: { memo: Memo; documents: DocumentRow[]; cases: { id: string; name: string }[]; places: Map<string, SegmentPlace> | undefined; t: T }) {
  const { codes } = useWorkspace();
  const target = memo.target;
  switch (target.kind) {
    case 'project':
      return <>{t('onProject')}</>;
    case 'document': {
      const d = documents.find((x) => x.id === target.id);
      return d ? <a href={href({ view: 'coding', documentId: d.id, at: null })}>{t('onDocument', { name: d.name })}</a> : <>{t('onDocument', { name: t('missing') })}</>;
    }
    case 'case':
      return <>{t('onCase', { name: cases.find((c) => c.id === target.id)?.name ?? t('missing') })}</>;
    case 'code': {
      const code = codes.find((c) => c.id === target.id);
      return code ? (
        <>
          <span className="ui-dot" style={{ background: code.color }} aria-hidden="true" />{' '}
          <a href={href({ view: 'retrieval', codeId: code.id })}>{t('onCode', { name: codePath(codes, code.id) })}</a>
        </>
      ) : (
        <>{t('onCode', { name: t('missing') })}</>
      );
    }
    case 'segment': {
      const place = places?.get(target.id);
      if (!place) return <>{t('onSegmentUnknown')}</>;
      return (
        <>
          <a href={href({ view: 'coding', documentId: place.documentId, at: place.start })}>{t('onSegment', { name: place.documentName })}</a>
          <q className="mm-quote">{place.quote.exact.length > 160 ? `${place.quote.exact.slice(0, 160)}…` : place.quote.exact}</q>
        </>
      );
    }
  }
}

function MemoCard({ memo, about, onChanged }: { memo: Memo; about: ReactNode; onChanged(): void }) {
  const { api, users, notify } = useWorkspace();
  const t = useMessages(memosMessages);
  const format = useFormat();
  const [draft, setDraft] = useState<{ title: string; text: string; base: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const author = users.find((u) => u.id === memo.authorId)?.name ?? memo.authorId;
  const title = memo.title || t('untitled');
  const stale = draft !== null && memo.version !== draft.base;

  const save = async () => {
    if (!draft || !draft.text.trim()) return;
    setSaving(true);
    try {
      // After a conflict the user has seen the other version, so theirs is what this edit replaces.
      await api.updateMemo(memo.id, stale ? memo.version : draft.base, { title: draft.title, text: draft.text });
      setDraft(null);
      notify(t('saved'));
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'conflict') onChanged();
      else notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    try {
      await api.deleteMemo(memo.id);
      notify(t('deleted'));
      onChanged();
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
    setDeleting(false);
  };

  return (
    <li className="mm-card">
      <div className="mm-about">{about}</div>
      {draft ? (
        <form
          className="mm-edit"
          aria-label={t('editMemo', { title })}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {stale && (
            <div className="mm-conflict" role="alert">
              <p>{t('conflict')}</p>
              <p className="mm-their">
                <strong>{t('theirVersion')}</strong> {memo.title && <em>{memo.title}: </em>}
                {memo.text}
              </p>
            </div>
          )}
          <label className="ui-field">
            <span>{t('memoTitle')}</span>
            <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          </label>
          <label className="ui-field">
            <span>{t('text')}</span>
            <textarea autoFocus rows={6} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
          </label>
          <div className="mm-actions">
            <button type="submit" className="ui-button is-primary" disabled={saving || !draft.text.trim()}>
              {t('save')}
            </button>
            <button type="button" className="ui-button" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <h3 className={memo.title ? undefined : 'mm-untitled'}>{title}</h3>
          <p className="mm-text">{memo.text}</p>
          <div className="mm-footer">
            <span className="ui-muted">
              {t('by', { author })} · {t('createdOn', { date: format.date(memo.createdAt) })}
              {memo.updatedAt !== memo.createdAt && <> · {t('updatedOn', { date: format.date(memo.updatedAt) })}</>}
            </span>
            <span className="mm-actions">
              <button type="button" className="ui-button is-small" aria-label={t('editMemo', { title })} onClick={() => setDraft({ title: memo.title, text: memo.text, base: memo.version })}>
                {t('edit')}
              </button>
              <button type="button" className="ui-button is-small is-danger" onClick={() => setDeleting(true)}>
                {t('delete')}
              </button>
            </span>
          </div>
        </>
      )}
      {deleting && (
        <ConfirmDialog title={t('deleteTitle')} confirmLabel={t('delete')} onConfirm={() => void remove()} onClose={() => setDeleting(false)}>
          <p>{t('deleteBody', { title, author })}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

function NewMemoDialog({ onClose, onAdded }: { onClose(): void; onAdded(): void }) {
  const { api, user, codes, notify } = useWorkspace();
  const t = useMessages(memosMessages);
  const format = useFormat();
  const [about, setAbout] = useState<'project' | 'code'>('project');
  const [codeId, setCodeId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const options = useMemo(() => codeOptions(codes, format.compare), [codes, format]);
  const missingCode = about === 'code' && !codeId;
  const submit = async () => {
    setTried(true);
    if (!text.trim() || missingCode) return;
    try {
      await api.addMemo({ target: about === 'code' && codeId ? { kind: 'code', id: codeId } : { kind: 'project' }, authorId: user.id, title: title.trim(), text });
      notify(t('created'));
      onAdded();
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  return (
    <FormDialog title={t('newMemoTitle')} onClose={onClose} submitLabel={t('create')} onSubmit={() => void submit()} className="mm-new-form">
      <fieldset className="mm-about-choice">
        <legend>{t('about')}</legend>
        <label>
          <input type="radio" name="mm-about" checked={about === 'project'} onChange={() => setAbout('project')} /> {t('aboutProject')}
        </label>
        <label>
          <input type="radio" name="mm-about" checked={about === 'code'} onChange={() => setAbout('code')} /> {t('aboutCode')}
        </label>
      </fieldset>
      {about === 'code' && (
        <>
          <Combobox label={t('code')} options={options} value={codeId} onChange={setCodeId} placeholder={t('codePlaceholder')} />
          {tried && missingCode && <small className="ui-error">{t('codeRequired')}</small>}
        </>
      )}
      <label className="ui-field">
        <span>
          {t('memoTitle')} <span className="ui-muted">{t('optional')}</span>
        </span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="ui-field">
        <span>{t('text')}</span>
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={tried && !text.trim()} />
        {tried && !text.trim() && <small className="ui-error">{t('textRequired')}</small>}
      </label>
    </FormDialog>
  );
}
