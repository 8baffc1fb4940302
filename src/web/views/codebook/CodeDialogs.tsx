// The codebook's dialogs: new code or category, move, merge, delete.

import { useMemo, useState } from 'react';
import type { CodeWithCounts } from '../../../core/read-models.ts';
import { Combobox, type ComboOption } from '../../components/Combobox.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { useCodebookAction } from './actions.ts';
import { canMove, codeOptions, codePath, mergeRefusal } from './codebook.ts';
import { codebookMessages } from './messages.ts';

const TOP = '';
const never = () => false;

function useCodeOptions(codes: CodeWithCounts[], disabled: (c: CodeWithCounts) => boolean): ComboOption[] {
  const format = useFormat();
  return useMemo(() => codeOptions(codes, format.compare, disabled), [codes, disabled, format]);
}

export function NewCodeDialog({ codable, parentId, onClose, onCreated }: { codable: boolean; parentId: string | null; onClose(): void; onCreated(id: string): void }) {
  const { api, codes } = useWorkspace();
  const t = useMessages(codebookMessages);
  const act = useCodebookAction();
  const [name, setName] = useState('');
  const [parent, setParent] = useState(parentId ?? TOP);
  const [definition, setDefinition] = useState('');
  const [tried, setTried] = useState(false);
  const options = useCodeOptions(codes, never);
  const submit = async () => {
    setTried(true);
    if (!name.trim()) return;
    const parentCode = codes.find((c) => c.id === parent);
    const created = await act(
      () => api.createCode({ name: name.trim(), parentId: parent || null, codable, definition, ...(parentCode ? { color: parentCode.color } : {}) }),
      (c) => t('created', { name: c.name }),
      name,
    );
    if (created) onCreated(created.id);
  };
  return (
    <FormDialog title={codable ? t('newCodeTitle') : t('newCategoryTitle')} onClose={onClose} submitLabel={t('create')} onSubmit={() => void submit()} className="cb-dialog-form">
      <label className="ui-field">
        <span>{t('name')}</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-invalid={tried && !name.trim()} aria-describedby={tried && !name.trim() ? 'cb-new-error' : undefined} />
        {tried && !name.trim() && (
          <small id="cb-new-error" className="ui-error">
            {t('nameRequired')}
          </small>
        )}
      </label>
      <Combobox label={t('parent')} options={[{ id: TOP, label: t('topLevel') }, ...options]} value={parent} onChange={setParent} />
      <label className="ui-field">
        <span>{t('definition')}</span>
        <textarea rows={3} value={definition} onChange={(e) => setDefinition(e.target.value)} />
      </label>
    </FormDialog>
  );
}

export function MoveDialog({ code, onClose }: { code: CodeWithCounts; onClose(): void }) {
  const { api, codes } = useWorkspace();
  const t = useMessages(codebookMessages);
  const act = useCodebookAction();
  const [target, setTarget] = useState<string | null>(null);
  const disabled = useMemo(() => (c: CodeWithCounts) => !canMove(codes, code.id, c.id), [codes, code.id]);
  const options = useCodeOptions(codes, disabled);
  const move = async () => {
    if (target === null) return;
    const parent = codes.find((c) => c.id === target);
    const done = await act(
      () => api.updateCode(code.id, code.version, { parentId: target || null }),
      () => (parent ? t('moved', { name: code.name, parent: parent.name }) : t('movedTop', { name: code.name })),
      code.name,
    );
    if (done) onClose();
  };
  return (
    <Dialog
      title={t('moveTitle', { name: code.name })}
      onClose={onClose}
      actions={
        <button type="button" className="ui-button is-primary" disabled={target === null} onClick={() => void move()}>
          {t('move')}
        </button>
      }
    >
      <Combobox
        autoFocus
        label={t('moveLabel')}
        options={[{ id: TOP, label: t('topLevel'), disabled: !canMove(codes, code.id, null) }, ...options]}
        value={target}
        onChange={setTarget}
      />
    </Dialog>
  );
}

export function MergeDialog({ code, onClose }: { code: CodeWithCounts; onClose(): void }) {
  const { api, codes } = useWorkspace();
  const t = useMessages(codebookMessages);
  const format = useFormat();
  const act = useCodebookAction();
  const [into, setInto] = useState<string | null>(null);
  const disabled = useMemo(() => (c: CodeWithCounts) => mergeRefusal(codes, code.id, c.id) !== null, [codes, code.id]);
  const options = useCodeOptions(codes, disabled);
  const target = codes.find((c) => c.id === into);
  const merge = async () => {
    if (!target) return;
    const done = await act(() => api.mergeCode(code.id, target.id), () => t('merged', { name: code.name, into: target.name }), code.name);
    if (done) onClose();
  };
  return (
    <Dialog
      title={t('mergeTitle', { name: code.name })}
      onClose={onClose}
      actions={
        <button type="button" className="ui-button is-primary is-danger" disabled={!target} onClick={() => void merge()}>
          {t('merge')}
        </button>
      }
    >
      <Combobox autoFocus label={t('mergeLabel')} options={options} value={into} onChange={setInto} />
      {target && (
        <p className="cb-confirm" role="status">
          {t('mergeConfirm', { name: code.name, into: codePath(codes, target.id), codings: format.number(code.counts.codings) })}
        </p>
      )}
    </Dialog>
  );
}

export function DeleteDialog({ code, onClose, onDeleted }: { code: CodeWithCounts; onClose(): void; onDeleted(): void }) {
  const { api } = useWorkspace();
  const t = useMessages(codebookMessages);
  const format = useFormat();
  const act = useCodebookAction();
  const remove = async () => {
    const done = await act(() => api.deleteCode(code.id).then(() => true), () => t('deleted', { name: code.name }), code.name);
    if (done) onDeleted();
  };
  return (
    <Dialog
      title={t('deleteTitle', { name: code.name })}
      onClose={onClose}
      actions={
        <button type="button" className="ui-button is-primary is-danger" onClick={() => void remove()}>
          {t('deleteButton')}
        </button>
      }
    >
      <p>{t('deleteConfirm', { name: code.name, codings: format.number(code.counts.codings) })}</p>
    </Dialog>
  );
}
