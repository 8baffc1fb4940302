// Several codes chosen from the codebook by type-ahead, shown as removable chips:
// the codes that evidence a need or barrier, or that carry a gap status.

import { useMemo } from 'react';
import { Combobox } from '../../components/Combobox.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { codeOptions, codePath } from '../codebook/codebook.ts';
import { gapsMessages } from './messages.ts';

export function CodePicker({ label, value, onChange }: { label: string; value: string[]; onChange(ids: string[]): void }) {
  const { codes } = useWorkspace();
  const t = useMessages(gapsMessages);
  const format = useFormat();
  // Codes already chosen are disabled.
  const options = useMemo(() => codeOptions(codes, format.compare, (c) => value.includes(c.id)), [codes, format, value]);
  return (
    <div className="gp-codes">
      <Combobox label={label} options={options} value={null} placeholder={t('addCode')} onChange={(id) => onChange([...value, id])} />
      {value.length > 0 && (
        <ul className="gp-chips" aria-label={label}>
          {value.map((id) => {
            const code = codes.find((c) => c.id === id);
            const name = code ? codePath(codes, id) : id;
            return (
              <li key={id} className="gp-chip">
                {code && <span className="ui-dot" style={{ background: code.color }} aria-hidden="true" />}
                <span>{name}</span>
                <button type="button" className="gp-chip-remove" aria-label={t('removeCode', { code: name })} onClick={() => onChange(value.filter((v) => v !== id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
