// The services inventory's client: organisations per site, their services and the
// needs those meet, and the inventory's exchange as Open Referral HSDS.

import type { Service, ServiceOrganisation } from '../../../core/services.ts';
import type { NewService, NewServiceOrganisation, ServiceOrganisationPatch, ServicePatch } from '../../../store/store.ts';
import type { HsdsImportReport } from '../../../exchange/hsds.ts';
import { call } from '../../api.ts';

export type HsdsFormat = 'json' | 'csv';

export function servicesApi(projectId: string) {
  const p = `/projects/${encodeURIComponent(projectId)}`;
  return {
    organisations: () => call<ServiceOrganisation[]>('GET', `${p}/service-organisations`),
    createOrganisation: (input: NewServiceOrganisation) => call<ServiceOrganisation>('POST', `${p}/service-organisations`, input),
    /** `version` is the version the edit was based on; a stale one is an ApiError of kind 'conflict'. */
    updateOrganisation: (id: string, version: number, changes: ServiceOrganisationPatch) =>
      call<ServiceOrganisation>('PATCH', `${p}/service-organisations/${encodeURIComponent(id)}`, { version, ...changes }),
    deleteOrganisation: (id: string) => call<void>('DELETE', `${p}/service-organisations/${encodeURIComponent(id)}`),

    services: () => call<Service[]>('GET', `${p}/services`),
    createService: (input: NewService) => call<Service>('POST', `${p}/services`, input),
    updateService: (id: string, version: number, changes: ServicePatch) => call<Service>('PATCH', `${p}/services/${encodeURIComponent(id)}`, { version, ...changes }),
    deleteService: (id: string) => call<void>('DELETE', `${p}/services/${encodeURIComponent(id)}`),

    /** Where the browser downloads the inventory as HSDS: one JSON document, or a zip of CSV tables. */
    exportUrl: (format: HsdsFormat) => `/api${p}/services/export/${format}`,
    /** Imports an HSDS file (JSON, or a zip of CSV tables) into the inventory. */
    importHsds: (file: File) => call<HsdsImportReport>('POST', `${p}/services/import`, file),
  };
}
