// Import by drag and drop or a file button: files go to the server one at a
// time, each with its own live result row; the list refreshes after a batch.

import { useId, useRef, useState, type DragEvent } from 'react';
import type { Case } from '../../../core/model.ts';
import type { FileOutcome } from '../../../import/pipeline.ts';
import { useFormat } from '../../i18n/index.tsx';
import { FileButton } from '../../components/FileButton.tsx';
import type { Format } from '../../components/format.ts';
import { useMessages, type Translate } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useWorkspace } from '../../workspace.tsx';
import { documentsMessages } from './messages.ts';

interface Row {
  key: number;
  file: string;
  outcome: 'waiting' | 'importing' | FileOutcome;
}

export function ImportPanel({ sites, participants, onImported }: { sites: Case[]; participants: Case[]; onImported(): void }) {
  const { api, notify } = useWorkspace();
  const t = useMessages(documentsMessages);
  const format = useFormat();
  const id = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [siteName, setSiteName] = useState('');
  const [caseName, setCaseName] = useState('');
  const [over, setOver] = useState(false);
  const queue = useRef<{ key: number; file: File; options: { siteName?: string; caseName?: string } }[]>([]);
  const running = useRef(false);
  const nextKey = useRef(0);

  const setOutcome = (key: number, outcome: Row['outcome']) => setRows((list) => list.map((r) => (r.key === key ? { ...r, outcome } : r)));

  const run = async () => {
    if (running.current) return;
    running.current = true;
    const tally = { imported: 0, duplicate: 0, failed: 0 };
    for (let job = queue.current.shift(); job; job = queue.current.shift()) {
      setOutcome(job.key, 'importing');
      let outcome: FileOutcome;
      try {
        outcome = await api.importFile(job.file, job.options);
      } catch (err) {
        outcome = { file: job.file.name, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
      }
      if (outcome.status === 'imported') tally.imported++;
      else if (outcome.status === 'duplicate') tally.duplicate++;
      else tally.failed++;
      setOutcome(job.key, outcome);
    }
    running.current = false;
    onImported();
    notify(t('batchDone', tally), tally.failed ? 'error' : 'info');
  };

  const add = (files: FileList | File[]) => {
    if (!files.length) return;
    const options = { siteName: siteName.trim() || undefined, caseName: caseName.trim() || undefined };
    const jobs = [...files].map((file) => ({ key: nextKey.current++, file, options }));
    setRows((list) => [...list, ...jobs.map((j): Row => ({ key: j.key, file: j.file.name, outcome: 'waiting' }))]);
    queue.current.push(...jobs);
    void run();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  return (
    <section
      className={`doc-import${over ? ' is-over' : ''}`}
      aria-labelledby={`${id}-title`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={`${id}-title`}>{t('importTitle')}</h2>
      <p className="ui-muted doc-import-help">{over ? t('dropping') : t('importHelp')}</p>
      <div className="doc-import-fields">
        <label className="ui-field">
          <span>{t('importSite')}</span>
          <input list={`${id}-sites`} value={siteName} onChange={(e) => setSiteName(e.target.value)} />
        </label>
        <datalist id={`${id}-sites`}>
          {sites.map((s) => (
            <option key={s.id} value={s.name} />
          ))}
        </datalist>
        <label className="ui-field">
          <span>{t('importCase')}</span>
          <input list={`${id}-cases`} value={caseName} onChange={(e) => setCaseName(e.target.value)} aria-describedby={`${id}-case-help`} />
          <small id={`${id}-case-help`} className="ui-muted">
            {t('importCaseHelp')}
          </small>
        </label>
        <datalist id={`${id}-cases`}>
          {participants.map((p) => (
            <option key={p.id} value={p.name} />
          ))}
        </datalist>
        <div className="doc-import-button">
          <FileButton label={t('chooseFiles')} className="is-primary" multiple onFiles={add} />
        </div>
      </div>
      {rows.length > 0 && (
        <>
          <div className="doc-results-head">
            <h3>{t('results')}</h3>
            <button type="button" className="ui-button is-small" disabled={rows.some((r) => typeof r.outcome === 'string')} onClick={() => setRows([])}>
              {t('clearResults')}
            </button>
          </div>
          <ul className="doc-results" aria-live="polite">
            {rows.map((r) => (
              <li key={r.key} className={`doc-result is-${typeof r.outcome === 'string' ? r.outcome : r.outcome.status}`}>
                <span className="doc-result-file">{r.file}</span>
                <Outcome outcome={r.outcome} format={format} t={t} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Outcome({ outcome, format, t }: { outcome: Row['outcome']; format: Format; t: Translate<typeof documentsMessages.en> }) {
  if (outcome === 'waiting') return <span className="doc-result-status">{t('waiting')}</span>;
  if (outcome === 'importing') return <span className="doc-result-status">{t('importing')}</span>;
  switch (outcome.status) {
    case 'imported':
      return (
        <>
          <span className="doc-result-status">{t('imported')}</span>
          <span>
            <a href={href({ view: 'coding', documentId: outcome.documentId, at: null })}>{outcome.name}</a>
            <span className="ui-muted">
              {' · '}
              {t('importedDetail', {
                format: outcome.format,
                language: outcome.language ? format.languageName(outcome.language) : t('unknownLanguage'),
                characters: format.number(outcome.characters),
                turns: format.number(outcome.turns),
              })}
            </span>
          </span>
        </>
      );
    case 'duplicate':
      return (
        <>
          <span className="doc-result-status">{t('duplicate')}</span>
          <span>
            {t('duplicateOf')} <a href={href({ view: 'coding', documentId: outcome.existing.id, at: null })}>{outcome.existing.name}</a>
          </span>
        </>
      );
    case 'failed':
    case 'skipped':
      return (
        <>
          <span className="doc-result-status">{t(outcome.status)}</span>
          <span>{outcome.reason}</span>
        </>
      );
  }
}
