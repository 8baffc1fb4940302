// Which codes say a need is met, met only ad hoc, or unmet: chosen from the
// codebook and saved together (the matrix's proposals follow them).

import { useState } from 'react';
import { EVIDENCED_STATUSES, type GapStatusCodes } from '../../../core/needs.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import type { GapsApi } from './api.ts';
import { CodePicker } from './CodePicker.tsx';
import { STATUS_SYMBOL } from './gaps.ts';
import { gapsMessages } from './messages.ts';

const same = (a: GapStatusCodes, b: GapStatusCodes) => EVIDENCED_STATUSES.every((s) => a[s].join() === b[s].join());

export function StatusCodesPanel({ gaps, current, onSaved }: { gaps: GapsApi; current: GapStatusCodes; onSaved(): void }) {
  const { notify } = useWorkspace();
  const t = useMessages(gapsMessages);
  const [draft, setDraft] = useState<GapStatusCodes>(current);
  const [saving, setSaving] = useState(false);
  const dirty = !same(draft, current);

  const save = async () => {
    setSaving(true);
    try {
      setDraft(await gaps.setStatusCodes(draft));
      notify(t('statusCodesSaved'));
      onSaved();
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <details className="gp-settings" open={current.met.length + current.ad_hoc.length + current.unmet.length === 0}>
      <summary>{t('statusCodes')}</summary>
      <p className="ui-muted">{t('statusCodesHint')}</p>
      <div className="gp-settings-grid">
        {EVIDENCED_STATUSES.map((status) => (
          <CodePicker
            key={status}
            label={t('statusCodesFor', { status: `${STATUS_SYMBOL[status]} ${t(`status_${status}`)}` })}
            value={draft[status]}
            onChange={(ids) => setDraft((d) => ({ ...d, [status]: ids }))}
          />
        ))}
      </div>
      <button type="button" className="ui-button is-primary" disabled={!dirty || saving} onClick={() => void save()}>
        {saving ? t('saving') : t('saveStatusCodes')}
      </button>
    </details>
  );
}
