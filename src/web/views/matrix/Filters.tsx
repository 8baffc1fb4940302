// What the analysis views' filters share beyond components/CaseFilters.tsx: the code
// pickers (a code, or "all codes") and the cases and attributes, loaded once.

import { useMemo } from 'react';
import type { AttributeDefinition, Case } from '../../../core/model.ts';
import { Combobox, type ComboOption } from '../../components/Combobox.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useWorkspace } from '../../workspace.tsx';
import { codeOptions } from '../codebook/codebook.ts';

/** The codebook as picker options, in tree order; `codableOnly` disables categories. */
export function useCodeOptions(codableOnly = false): ComboOption[] {
  const { codes } = useWorkspace();
  const format = useFormat();
  return useMemo(() => codeOptions(codes, format.compare, codableOnly ? (c) => !c.codable : undefined), [codes, format, codableOnly]);
}

/** A code and its sub-codes, or every code (ALL). */
export function CodeScope({ label, value, onChange, allLabel, placeholder }: { label: string; value: string; onChange(id: string): void; allLabel: string; placeholder: string }) {
  const options = useCodeOptions();
  const withAll = useMemo(() => [{ id: '', label: allLabel }, ...options], [options, allLabel]);
  return (
    <div className="an-wide">
      <Combobox label={label} options={withAll} value={value} onChange={onChange} placeholder={placeholder} />
    </div>
  );
}

export function useStudyMeta(): { cases: Case[]; attributes: AttributeDefinition[] } {
  const { api } = useWorkspace();
  const meta = useLoad(() => Promise.all([api.cases(), api.attributes()]), [api]);
  const [cases, attributes] = meta.data ?? [[], []];
  return { cases, attributes };
}
