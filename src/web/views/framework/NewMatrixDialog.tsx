// Creating a framework matrix: its name, what its rows are, and its themes from the codebook.

import { useMemo, useState } from 'react';
import { CASE_KINDS, type CaseKind, type FrameworkMatrix } from '../../../core/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { flatten } from '../../components/tree.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { codeDepth, codeForest, searchForest } from '../codebook/codebook.ts';
import { frameworkApi } from './api.ts';
import { frameworkMessages } from './messages.ts';

export function NewMatrixDialog({ onClose, onCreated }: { onClose(): void; onCreated(matrix: FrameworkMatrix): void }) {
  const { project, codes, notify } = useWorkspace();
  const t = useMessages(frameworkMessages);
  const format = useFormat();
  const [name, setName] = useState('');
  const [rowKind, setRowKind] = useState<CaseKind>('participant');
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [tried, setTried] = useState(false);
  const shown = useMemo(
    () => flatten(searchForest(codeForest(codes, format.compare), filter)).map(({ item }) => ({ item, depth: codeDepth(codes, item.id) })),
    [codes, format, filter],
  );

  const submit = async () => {
    setTried(true);
    if (!name.trim() || themeIds.length === 0) return;
    try {
      const made = await frameworkApi(project.id).createMatrix({ name: name.trim(), rowKind, themeIds });
      notify(t('created'));
      onCreated(made);
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const toggle = (id: string, on: boolean) => setThemeIds((list) => (on ? [...list, id] : list.filter((x) => x !== id)));

  return (
    <FormDialog title={t('newMatrixTitle')} onClose={onClose} submitLabel={t('create')} onSubmit={() => void submit()} className="fw-new-form">
      <label className="ui-field">
        <span>{t('name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={tried && !name.trim()} />
        {tried && !name.trim() && <small className="ui-error">{t('nameRequired')}</small>}
      </label>
      <SelectField label={t('rows')} choices={CASE_KINDS.map((k) => ({ value: k, label: t(`rowKind_${k}`) }))} value={rowKind} onChange={(v) => setRowKind(v as CaseKind)} />
      <fieldset className="fw-themes">
        <legend>{t('themes')}</legend>
        <input type="search" className="ui-input" aria-label={t('themesFilter')} placeholder={t('themesFilter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <ul>
          {shown.map(({ item, depth }) => (
            <li key={item.id} style={{ paddingInlineStart: `${depth * 1.2}em` }}>
              <label>
                <input type="checkbox" checked={themeIds.includes(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                <span className="ui-dot" style={{ background: item.color }} aria-hidden="true" /> {item.name}
              </label>
            </li>
          ))}
        </ul>
        {tried && themeIds.length === 0 && <small className="ui-error">{t('themesRequired')}</small>}
      </fieldset>
    </FormDialog>
  );
}
