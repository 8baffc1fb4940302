// The demo's services inventory: every organisation the study interviewed, with the
// services it offers mapped to the demo's needs (by name, see needs.ts), plus a few
// providers the study did not interview. Coverage differs between sites on purpose
// (no repatriation help in Winnipeg or Montreal, no youth program in Montreal), so
// the gap matrix has something to show. All fictional; phone numbers are in the
// 555-01xx range reserved for fiction.

import type { ProjectStore } from '../store/store.ts';
import { DEMO_SITES } from './study.ts';

const H = 'Safe housing and shelter';
const L = 'Immigration status and legal help';
const HC = 'Health care';
const C = 'Counselling and trauma care';
const I = 'Interpretation and culturally appropriate services';
const E = 'Income and employment';
const ED = 'Education and training';
const P = 'Protection from traffickers';
const R = 'Repatriation or family contact';
const Y = 'Services for children and youth';
const A = 'Services for Aboriginal women and girls';

type Offer = [service: string, needs: string[]];

/** Services of the interviewed organisations, by organisation name. */
const OFFERS: Record<string, Offer[]> = {
  "Harbourside Women's Shelter Society": [['Emergency shelter', [H, P]], ['Transition housing', [H]], ["Women's counselling", [C]]],
  'Pacific Gateway Settlement Services': [['Settlement counselling', [L, E]], ['Interpretation line', [I]], ['English classes', [ED]]],
  'Eastside Aboriginal Friendship Circle': [["Aboriginal women's outreach", [A, C]], ['Youth drop-in', [Y]]],
  'Coastal Victim Assistance Network': [['Court support for victims', [P, L]], ['Crisis line', [C]]],
  'St. Columba Street Ministry': [['Street outreach', [P]], ['Clinic referrals', [HC]]],
  'Lower Mainland Migrant Rights Network': [["Workers' rights information", [L, E]]],
  "Filipino Community Caregivers' Association": [["Caregivers' peer support", [I, E]], ['Help contacting family', [R]]],
  "Red River Indigenous Women's Lodge": [['Lodge shelter', [H, A]], ['Healing circles', [C, A]], ["Girls' program", [Y, A]]],
  'Prairie Newcomer Centre': [['Newcomer settlement', [L]], ['Interpreters', [I]], ['Job search help', [E]]],
  "St. Brigid's Community Outreach": [['Drop-in and emergency beds', [H]]],
  'Manitoba Victim Support Line': [['24-hour support line', [C, P]]],
  "North End Women's Resource Centre": [["Women's counselling", [C]], ['Life skills and training', [ED]]],
  'Assiniboine Social Justice Coalition': [['Rights workshops', [ED]]],
  'Métis Family Services Circle': [['Family support', [Y, A]]],
  "Metro Migrant Workers' Rights Collective": [["Workers' rights clinic", [L, E]], ['Farm worker outreach', [P]]],
  'Lakeshore Refugee Welcome House': [['Refugee housing', [H]], ['Refugee claim help', [L]], ['Family reunification', [R]]],
  "Women's Legal Information Clinic": [['Legal information', [L]], ['Court accompaniment', [P]]],
  'Downtown Youth Street Services': [['Youth shelter', [H, Y]], ['Street health nurse', [HC, Y]]],
  "Korean Women's Support Network": [['Korean-language counselling', [C, I]]],
  "Native Women's Circle of Toronto": [["Aboriginal women's programs", [A]]],
  'Holy Trinity Refugee Committee': [['Sponsorship and settlement help', [L, H]]],
  "Maison d'hébergement L'Escale": [["Hébergement d'urgence", [H, P]], ['Suivi psychosocial', [C]]],
  "Centre d'accueil des nouveaux arrivants de Montréal": [['Accueil et établissement', [L]], ['Interprétariat', [I]], ['Francisation', [ED]]],
  'Collectif pour les droits sociaux du Centre-Sud': [['Information sur les droits', [L]]],
  'Sainte-Anne Mission': [['Repas et accompagnement', [H]]],
  "Centre d'aide aux victimes Ville-Marie": [['Accompagnement judiciaire', [P, L]], ['Intervention post-traumatique', [C]]],
  'Association des femmes haïtiennes du Nord': [['Soutien communautaire', [I, E]]],
  'Cercle des femmes autochtones de Montréal': [['Programme pour femmes autochtones', [A]]],
};

/** Providers the study did not interview (caseId null), by site. */
const OTHER_PROVIDERS: Record<string, { name: string; type: string; populations: string[]; languages: string[]; offers: Offer[] }[]> = {
  Vancouver: [{ name: "Downtown Women's Health Clinic", type: 'Health service', populations: ['women', 'Aboriginal people'], languages: ['English'], offers: [['Women’s health clinic', [HC]]] }],
  Winnipeg: [{ name: 'Winnipeg Community Health Centre', type: 'Health service', populations: ['newcomers'], languages: ['English', 'French'], offers: [['Walk-in clinic', [HC]]] }],
  Toronto: [
    { name: 'Toronto Community Interpreters Co-op', type: 'Interpretation service', populations: ['migrants'], languages: ['English', 'Spanish', 'Portuguese', 'Tagalog', 'Korean'], offers: [['Community interpreting', [I]]] },
    { name: 'West End Employment Centre', type: 'Employment service', populations: ['youth', 'newcomers'], languages: ['English'], offers: [['Job training', [E, ED]]] },
  ],
  Montreal: [{ name: 'Clinique de santé des réfugiés de Montréal', type: 'Health service', populations: ['refugees', 'migrants'], languages: ['French', 'English', 'Spanish'], offers: [['Soins pour personnes sans assurance', [HC]]] }],
};

const AREA_CODES: Record<string, string> = { Vancouver: '604', Winnipeg: '204', Toronto: '416', Montreal: '514' };

/** Populations a kind of organisation serves, beyond "Aboriginal people" where it says so. */
const POPULATIONS_BY_TYPE: Record<string, string[]> = {
  'Victim services': ['victims of crime'],
  'Immigrant and refugee settlement services': ['migrants', 'refugees'],
  'Community social rights group': ['migrant workers'],
  'Religious organisation': ['people who are homeless'],
  "Women's organisation": ['women'],
  'Aboriginal or ethnic organisation': [],
};

/** Adds the inventory; the needs catalogue must be there (demo/needs.ts). */
export async function addDemoServices(p: ProjectStore): Promise<void> {
  const needIds = new Map((await p.listNeeds()).map((n) => [n.name, n.id]));
  const needs = (names: string[]) =>
    names.map((name) => {
      const id = needIds.get(name);
      if (!id) throw new Error(`demo inventory: no need "${name}" in the catalogue`);
      return id;
    });
  const cases = await p.listCases();
  let phone = 0;
  const nextPhone = (site: string) => `+1 ${AREA_CODES[site]} 555 01${String(phone++ % 100).padStart(2, '0')}`;
  const offer = async (organisationId: string, offers: Offer[]) => {
    for (const [name, met] of offers) await p.createService({ organisationId, name, needIds: needs(met) });
  };

  for (const spec of DEMO_SITES) {
    const site = cases.find((c) => c.kind === 'site' && c.name === spec.name)!;
    for (const org of spec.organisations) {
      const studied = cases.find((c) => c.kind === 'organisation' && c.parentId === site.id && c.name === org.name)!;
      const offers = OFFERS[org.name];
      if (!offers) throw new Error(`demo inventory: no services for "${org.name}"`);
      const created = await p.createServiceOrganisation({
        name: org.name,
        siteId: site.id,
        caseId: studied.id,
        type: org.type,
        populations: [...(org.aboriginal ? ['Aboriginal people'] : []), ...POPULATIONS_BY_TYPE[org.type]!, ...(offers.some(([, n]) => n.includes(Y)) ? ['youth'] : [])],
        languages: org.languages.split(',').map((l) => l.trim()),
        phone: nextPhone(spec.name),
      });
      await offer(created.id, offers);
    }
    for (const other of OTHER_PROVIDERS[spec.name] ?? []) {
      const created = await p.createServiceOrganisation({
        name: other.name,
        siteId: site.id,
        description: 'Not interviewed for the study; listed from the community directory.',
        type: other.type,
        populations: other.populations,
        languages: other.languages,
        phone: nextPhone(spec.name),
      });
      await offer(created.id, other.offers);
    }
  }
}
