// The services inventory: organisations per site and the services they offer,
// mapped to needs. Exchanged as Open Referral HSDS (formats/hsds/) so it can join
// existing community directories. An inventory organisation may be one of the
// study's organisation cases, or a provider the study did not interview.

import type { CaseId, Id, Timestamp } from './model.ts';
import type { NeedId } from './needs.ts';

export type ServiceOrganisationId = Id;
export type ServiceId = Id;

export interface ServiceOrganisation {
  id: ServiceOrganisationId;
  name: string;
  description: string;
  /** The site (a case of kind 'site') the organisation serves. */
  siteId: CaseId;
  /** The study's organisation case, when the organisation took part. */
  caseId: CaseId | null;
  /** Kind of provider, e.g. "Women's organisation", "Religious organisation". */
  type: string;
  /** Populations served, e.g. "Aboriginal people", "migrants", "youth". */
  populations: string[];
  /** Languages services are offered in, as people name them ("English", "Cree"). */
  languages: string[];
  email: string;
  phone: string;
  url: string;
  createdAt: Timestamp;
  version: number;
}

export interface Service {
  id: ServiceId;
  organisationId: ServiceOrganisationId;
  name: string;
  description: string;
  /** The needs the service meets. */
  needIds: NeedId[];
  version: number;
}
