// Needs and gaps for policy makers: the gap matrix (needs × sites, proposed from
// the evidence and decided by the analyst), barrier prevalence per site, and the
// needs and barriers catalogues. The tab is part of the route, so a reload keeps it.

import { useMemo, useState } from 'react';
import { CoderSelect } from '../../components/CaseFilters.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { href, type GapsTab } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { gapsApi } from './api.ts';
import { BarriersTab } from './BarriersTab.tsx';
import { CatalogueTab } from './CatalogueTab.tsx';
import { GapMatrixTab } from './GapMatrixTab.tsx';
import { gapsMessages } from './messages.ts';
import './gaps.css';

const TABS: { tab: GapsTab; label: 'tabMatrix' | 'tabBarriers' | 'tabCatalogue' }[] = [
  { tab: 'matrix', label: 'tabMatrix' },
  { tab: 'barriers', label: 'tabBarriers' },
  { tab: 'catalogue', label: 'tabCatalogue' },
];

export function GapsView({ tab }: { tab: GapsTab }) {
  const { project, users } = useWorkspace();
  const t = useMessages(gapsMessages);
  const gaps = useMemo(() => gapsApi(project.id), [project.id]);
  const [coderId, setCoderId] = useState('');
  return (
    <div className="gp">
      <div className="gp-head">
        <h1>{t('title')}</h1>
        <nav className="gp-tabs" aria-label={t('tabs')}>
          {TABS.map((x) => (
            <a key={x.tab} href={href({ view: 'gaps', tab: x.tab })} aria-current={tab === x.tab ? 'page' : undefined}>
              {t(x.label)}
            </a>
          ))}
        </nav>
        {tab !== 'catalogue' && (
          <CoderSelect label={t('coder')} anyLabel={t('anyCoder')} className="gp-coder" users={users} value={coderId} onChange={setCoderId} />
        )}
      </div>
      {tab === 'matrix' && <GapMatrixTab gaps={gaps} coderId={coderId || undefined} />}
      {tab === 'barriers' && <BarriersTab gaps={gaps} coderId={coderId || undefined} />}
      {tab === 'catalogue' && <CatalogueTab gaps={gaps} />}
    </div>
  );
}
