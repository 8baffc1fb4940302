// The services inventory: organisations per site (kind, populations served,
// languages, contacts) and their services with the needs each meets; added,
// edited (against the version shown) and deleted; exchanged as Open Referral HSDS.

import { useMemo, useState, type ReactNode } from 'react';
import type { Case } from '../../../core/model.ts';
import type { Need } from '../../../core/needs.ts';
import type { Service, ServiceOrganisation } from '../../../core/services.ts';
import type { HsdsImportReport } from '../../../exchange/hsds.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { editAction } from '../../components/edit-action.ts';
import { FileButton } from '../../components/FileButton.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormat } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { gapsApi } from '../gaps/api.ts';
import { servicesApi } from './api.ts';
import { HsdsReport } from './HsdsReport.tsx';
import { servicesMessages } from './messages.ts';
import { organisationsBySite, parseList } from './services.ts';
import './services.css';

type Client = ReturnType<typeof servicesApi>;
type Editing =
  | { what: 'organisation'; organisation: ServiceOrganisation | null; siteId: string }
  | { what: 'service'; service: Service | null; organisationId: string }
  | null;
type Deleting = { what: 'organisation'; organisation: ServiceOrganisation } | { what: 'service'; service: Service } | null;

export function ServicesView() {
  const { project, api, notify } = useWorkspace();
  const t = useMessages(servicesMessages);
  const format = useFormat();
  const client = useMemo(() => servicesApi(project.id), [project.id]);
  const loaded = useLoad(
    () => Promise.all([client.organisations(), client.services(), gapsApi(project.id).needs(), api.cases()]),
    [client, api, project.id],
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [report, setReport] = useState<HsdsImportReport | null>(null);
  const [importing, setImporting] = useState(false);

  if (!loaded.data) return <LoadState error={loaded.error} onRetry={loaded.reload} />;
  const [organisations, services, needs, cases] = loaded.data;
  const sites = cases.filter((c) => c.kind === 'site');
  const grouped = organisationsBySite(organisations, sites, format.compare);

  const act = editAction({
    notify,
    conflict: (name) => t('conflict', { name }),
    close: () => (setEditing(null), setDeleting(null)),
    reload: loaded.reload,
  });
  const importFile = async (file: File) => {
    setImporting(true);
    try {
      setReport(await client.importHsds(file));
    } catch (err) {
      notify(t('importFailed', { message: err instanceof Error ? err.message : String(err) }), 'error');
    } finally {
      setImporting(false);
      loaded.reload();
    }
  };

  return (
    <div className="sv">
      <h1>{t('title')}</h1>
      <p className="ui-muted">{t('intro')}</p>
      <div className="sv-toolbar">
        <a className="ui-button" href={client.exportUrl('json')} download>
          {t('exportJson')}
        </a>
        <a className="ui-button" href={client.exportUrl('csv')} download>
          {t('exportCsv')}
        </a>
        <FileButton label={importing ? t('importing') : t('importHsds')} accept=".json,.zip" disabled={importing} onFiles={([file]) => void importFile(file!)} />
      </div>

      {grouped.map(({ site, organisations: list }) => (
        <section key={site.id} className="sv-site" aria-label={site.name}>
          <div className="sv-site-head">
            <h2>{site.name}</h2>
            <span className="ui-muted">{t('organisationsCount', { count: list.length })}</span>
            <button type="button" className="ui-button is-small" onClick={() => setEditing({ what: 'organisation', organisation: null, siteId: site.id })}>
              {t('addOrganisation')}
            </button>
          </div>
          {editing?.what === 'organisation' && editing.organisation === null && editing.siteId === site.id && (
            <OrganisationForm
              initial={null}
              siteId={site.id}
              sites={sites}
              cases={cases}
              onCancel={() => setEditing(null)}
              onSave={(input) => act(() => client.createOrganisation(input), t('created', { name: input.name }), input.name)}
            />
          )}
          {list.length === 0 && <p className="ui-muted">{t('noOrganisations')}</p>}
          <ul className="sv-organisations">
            {list.map((o) => (
              <li key={o.id} className="sv-organisation">
                {editing?.what === 'organisation' && editing.organisation?.id === o.id ? (
                  <OrganisationForm
                    initial={o}
                    siteId={o.siteId}
                    sites={sites}
                    cases={cases}
                    onCancel={() => setEditing(null)}
                    onSave={(input) => act(() => client.updateOrganisation(o.id, o.version, input), t('saved', { name: input.name }), o.name)}
                  />
                ) : (
                  <Organisation
                    organisation={o}
                    services={services.filter((s) => s.organisationId === o.id)}
                    needs={needs}
                    client={client}
                    editing={editing}
                    setEditing={setEditing}
                    setDeleting={setDeleting}
                    act={act}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}

      {deleting && (
        <ConfirmDialog
          title={t('delete')}
          confirmLabel={t('delete')}
          onConfirm={() =>
            void (deleting.what === 'organisation'
              ? act(() => client.deleteOrganisation(deleting.organisation.id), t('deleted', { name: deleting.organisation.name }), deleting.organisation.name)
              : act(() => client.deleteService(deleting.service.id), t('deleted', { name: deleting.service.name }), deleting.service.name))
          }
          onClose={() => setDeleting(null)}
        >
          <p>
            {deleting.what === 'organisation'
              ? t('confirmDeleteOrganisation', { name: deleting.organisation.name })
              : t('confirmDeleteService', { name: deleting.service.name })}
          </p>
        </ConfirmDialog>
      )}
      {report && (
        <Dialog
          title={t('importedTitle')}
          onClose={() => setReport(null)}
          actions={
            <button type="button" className="ui-button is-primary" onClick={() => setReport(null)}>
              {t('close')}
            </button>
          }
        >
          <HsdsReport report={report} />
        </Dialog>
      )}
    </div>
  );
}

interface OrganisationProps {
  organisation: ServiceOrganisation;
  services: Service[];
  needs: Need[];
  client: Client;
  editing: Editing;
  setEditing(e: Editing): void;
  setDeleting(d: Deleting): void;
  act(change: () => Promise<unknown>, done: string, name: string): Promise<void>;
}

function Organisation({ organisation: o, services, needs, client, editing, setEditing, setDeleting, act }: OrganisationProps) {
  const t = useMessages(servicesMessages);
  const needName = (id: string) => needs.find((n) => n.id === id)?.name ?? id;
  return (
    <>
      <div className="sv-org-head">
        <h3>{o.name}</h3>
        {o.type && <span className="ui-badge">{o.type}</span>}
        <span className="sv-actions">
          <button type="button" className="ui-button is-small" onClick={() => setEditing({ what: 'organisation', organisation: o, siteId: o.siteId })}>
            {t('edit')}
          </button>
          <button type="button" className="ui-button is-small is-danger" onClick={() => setDeleting({ what: 'organisation', organisation: o })}>
            {t('delete')}
          </button>
        </span>
      </div>
      {o.description && <p>{o.description}</p>}
      <dl className="sv-facts">
        {o.populations.length > 0 && <Fact term={t('populations')}>{o.populations.join(', ')}</Fact>}
        {o.languages.length > 0 && <Fact term={t('languages')}>{o.languages.join(', ')}</Fact>}
        {o.email && (
          <Fact term={t('email')}>
            <a href={`mailto:${o.email}`}>{o.email}</a>
          </Fact>
        )}
        {o.phone && <Fact term={t('phone')}>{o.phone}</Fact>}
        {o.url && (
          <Fact term={t('url')}>
            <a href={o.url} rel="noreferrer noopener" target="_blank">
              {o.url}
            </a>
          </Fact>
        )}
      </dl>
      <h4>{t('services')}</h4>
      {services.length === 0 && <p className="ui-muted">{t('noServices')}</p>}
      <ul className="sv-services">
        {services.map((s) =>
          editing?.what === 'service' && editing.service?.id === s.id ? (
            <li key={s.id}>
              <ServiceForm
                initial={s}
                needs={needs}
                onCancel={() => setEditing(null)}
                onSave={(input) => act(() => client.updateService(s.id, s.version, input), t('saved', { name: input.name }), s.name)}
              />
            </li>
          ) : (
            <li key={s.id} className="sv-service">
              <strong>{s.name}</strong>
              {s.description && <span> — {s.description}</span>}
              <div className="ui-muted">{s.needIds.length ? t('meets', { needs: s.needIds.map(needName).join(', ') }) : t('meetsNothing')}</div>
              <span className="sv-actions">
                <button type="button" className="ui-button is-small" onClick={() => setEditing({ what: 'service', service: s, organisationId: o.id })}>
                  {t('edit')}
                </button>
                <button type="button" className="ui-button is-small is-danger" onClick={() => setDeleting({ what: 'service', service: s })}>
                  {t('delete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing?.what === 'service' && editing.service === null && editing.organisationId === o.id ? (
        <ServiceForm
          initial={null}
          needs={needs}
          onCancel={() => setEditing(null)}
          onSave={(input) => act(() => client.createService({ ...input, organisationId: o.id }), t('created', { name: input.name }), input.name)}
        />
      ) : (
        <button type="button" className="ui-button is-small" onClick={() => setEditing({ what: 'service', service: null, organisationId: o.id })}>
          {t('addService')}
        </button>
      )}
    </>
  );
}

/** One term and its description in an organisation's facts. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** What the organisation form edits: the record without its id, timestamps and version. */
type OrganisationInput = Omit<ServiceOrganisation, 'id' | 'createdAt' | 'version'>;

function OrganisationForm(props: {
  initial: ServiceOrganisation | null;
  siteId: string;
  sites: Case[];
  cases: Case[];
  onSave(input: OrganisationInput): Promise<void>;
  onCancel(): void;
}) {
  const { initial, sites, cases, onSave, onCancel } = props;
  const t = useMessages(servicesMessages);
  const [d, setD] = useState(() => ({
    name: initial?.name ?? '',
    siteId: props.siteId,
    caseId: initial?.caseId ?? '',
    type: initial?.type ?? '',
    populations: initial?.populations.join(', ') ?? '',
    languages: initial?.languages.join(', ') ?? '',
    email: initial?.email ?? '',
    phone: initial?.phone ?? '',
    url: initial?.url ?? '',
    description: initial?.description ?? '',
  }));
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof d, value: string) => setD((x) => ({ ...x, [key]: value }));
  const studyOrganisations = cases.filter((c) => c.kind === 'organisation' && c.parentId === d.siteId);
  return (
    <form
      className="sv-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!d.name.trim()) return;
        setSaving(true);
        void onSave({ ...d, name: d.name.trim(), caseId: d.caseId || null, populations: parseList(d.populations), languages: parseList(d.languages) }).finally(() => setSaving(false));
      }}
    >
      <label className="ui-field">
        <span>{t('name')}</span>
        <input required value={d.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <div className="sv-form-row">
        <SelectField label={t('site')} choices={sites.map((s) => ({ value: s.id, label: s.name }))} value={d.siteId} onChange={(v) => setD((x) => ({ ...x, siteId: v, caseId: '' }))} />
        <SelectField
          label={t('studyOrganisation')}
          anyLabel={t('none')}
          choices={studyOrganisations.map((c) => ({ value: c.id, label: c.name }))}
          value={d.caseId}
          onChange={(v) => set('caseId', v)}
        />
      </div>
      <label className="ui-field">
        <span>{t('type')}</span>
        <input value={d.type} onChange={(e) => set('type', e.target.value)} />
      </label>
      <div className="sv-form-row">
        <label className="ui-field">
          <span>{t('populations')}</span>
          <input value={d.populations} aria-describedby="sv-list-hint" onChange={(e) => set('populations', e.target.value)} />
        </label>
        <label className="ui-field">
          <span>{t('languages')}</span>
          <input value={d.languages} aria-describedby="sv-list-hint" onChange={(e) => set('languages', e.target.value)} />
        </label>
      </div>
      <p id="sv-list-hint" className="ui-muted">
        {t('listHint')}
      </p>
      <div className="sv-form-row">
        <label className="ui-field">
          <span>{t('email')}</span>
          <input type="email" value={d.email} onChange={(e) => set('email', e.target.value)} />
        </label>
        <label className="ui-field">
          <span>{t('phone')}</span>
          <input type="tel" value={d.phone} onChange={(e) => set('phone', e.target.value)} />
        </label>
      </div>
      <label className="ui-field">
        <span>{t('url')}</span>
        <input type="url" value={d.url} onChange={(e) => set('url', e.target.value)} />
      </label>
      <label className="ui-field">
        <span>{t('description')}</span>
        <textarea rows={2} value={d.description} onChange={(e) => set('description', e.target.value)} />
      </label>
      <div className="sv-actions">
        <button type="submit" className="ui-button is-primary" disabled={saving || !d.name.trim()}>
          {saving ? t('saving') : initial ? t('save') : t('add')}
        </button>
        <button type="button" className="ui-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function ServiceForm({ initial, needs, onSave, onCancel }: { initial: Service | null; needs: Need[]; onSave(input: { name: string; description: string; needIds: string[] }): Promise<void>; onCancel(): void }) {
  const t = useMessages(servicesMessages);
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [needIds, setNeedIds] = useState<string[]>(initial?.needIds ?? []);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="sv-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        setSaving(true);
        void onSave({ name: name.trim(), description, needIds }).finally(() => setSaving(false));
      }}
    >
      <label className="ui-field">
        <span>{t('name')}</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="ui-field">
        <span>{t('description')}</span>
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset className="sv-needs">
        <legend>{t('needsMet')}</legend>
        {needs.length === 0 && <p className="ui-muted">{t('noNeeds')}</p>}
        {needs.map((n) => (
          <label key={n.id}>
            <input
              type="checkbox"
              checked={needIds.includes(n.id)}
              onChange={(e) => setNeedIds((ids) => (e.target.checked ? [...ids, n.id] : ids.filter((x) => x !== n.id)))}
            />{' '}
            {n.name}
          </label>
        ))}
      </fieldset>
      <div className="sv-actions">
        <button type="submit" className="ui-button is-primary" disabled={saving || !name.trim()}>
          {saving ? t('saving') : initial ? t('save') : t('add')}
        </button>
        <button type="button" className="ui-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
