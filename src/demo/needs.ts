// The demo's needs and barriers catalogues (as the seed study tagged them), the
// "Service status" codes that qualify need passages, two analyst gap decisions, and
// the findings report draft with quotes chosen from the coders' segments. All fictional.

import type { CodeId, UserId } from '../core/model.ts';
import type { EvidencedStatus, GapStatus, NeedHorizon, NeedPurpose } from '../core/needs.ts';
import type { ProjectStore } from '../store/store.ts';

export interface DemoNeed {
  name: string;
  horizon: NeedHorizon;
  purpose: NeedPurpose;
  description: string;
  /** Code paths that evidence the need. */
  codes: string[];
}

/** Named as the codebook's Needs codes, so the inventory (services) can refer to them by name. */
export const DEMO_NEEDS: DemoNeed[] = [
  { name: 'Safe housing and shelter', horizon: 'short_term', purpose: 'protection', description: 'A safe place to stay the night someone leaves, and housing after.', codes: ['Needs/Safe housing and shelter'] },
  { name: 'Immigration status and legal help', horizon: 'long_term', purpose: 'protection', description: 'Regular status, accurate legal information and a lawyer who knows trafficking.', codes: ['Needs/Immigration status and legal help'] },
  { name: 'Health care', horizon: 'short_term', purpose: 'protection', description: 'Physical and sexual health care, insured or not.', codes: ['Needs/Health care'] },
  { name: 'Counselling and trauma care', horizon: 'long_term', purpose: 'protection', description: 'Emotional support and care for trauma, in the person’s language.', codes: ['Needs/Counselling and trauma care'] },
  { name: 'Interpretation and culturally appropriate services', horizon: 'short_term', purpose: 'protection', description: 'Interpreters and services that respect the person’s culture.', codes: ['Needs/Interpretation and culturally appropriate services'] },
  { name: 'Income and employment', horizon: 'long_term', purpose: 'prevention', description: 'Money to live on and the right to work, so no one is pushed back.', codes: ['Needs/Income and employment'] },
  { name: 'Education and training', horizon: 'long_term', purpose: 'prevention', description: 'Schooling, language classes and job training.', codes: ['Needs/Education and training'] },
  { name: 'Protection from traffickers', horizon: 'short_term', purpose: 'protection', description: 'Safety from traffickers and their associates, for the person and their family.', codes: ['Needs/Protection from traffickers'] },
  { name: 'Repatriation or family contact', horizon: 'long_term', purpose: 'protection', description: 'A safe return home, or safe contact with family.', codes: ['Needs/Repatriation or family contact'] },
  { name: 'Services for children and youth', horizon: 'long_term', purpose: 'prevention', description: 'Programs built for young people, not adult programs stretched to fit.', codes: ['Needs/Services for children and youth'] },
  { name: 'Services for Aboriginal women and girls', horizon: 'long_term', purpose: 'prevention', description: 'Services by and for Aboriginal women and girls, with their own staff.', codes: ['Needs/Services for Aboriginal women and girls'] },
];

/** The seed study's obstacles, each evidenced by its Obstacles code. */
export const DEMO_BARRIERS: { name: string; description: string; codes: string[] }[] = [
  { name: 'Lack of funding for community groups', description: 'Community groups are not funded to serve victims of trafficking.', codes: ['Obstacles/Lack of funding'] },
  { name: 'Lack of immigration status', description: 'Without status, victims cannot reach services or stay safely.', codes: ['Obstacles/Lack of immigration status'] },
  { name: 'Language and cultural barriers', description: 'No interpreters; services that do not fit the person’s culture.', codes: ['Obstacles/Language and cultural barriers'] },
  { name: 'Marginalisation and isolation', description: 'Victims are cut off from community, family and services.', codes: ['Obstacles/Marginalisation and isolation'] },
  { name: 'Fear of deportation', description: 'Victims fear being sent back if they come forward.', codes: ['Obstacles/Fear of deportation'] },
  { name: 'Fear of retaliation', description: 'Victims fear traffickers will harm them or their families.', codes: ['Obstacles/Fear of retaliation'] },
  { name: 'Secrecy and silence', description: 'Trafficking is hidden; people and communities do not speak of it.', codes: ['Obstacles/Secrecy and silence'] },
  { name: 'Lack of or inaccurate information', description: 'Little information on trafficking, or wrong information.', codes: ['Obstacles/Lack of information'] },
];

export const DEMO_STATUS_CODES: Record<EvidencedStatus, string[]> = {
  met: ['Service status/Need met'],
  ad_hoc: ['Service status/Need met only ad hoc'],
  unmet: ['Service status/Need unmet'],
};

/** The lead's decisions: one confirms the proposal, one overrides it (demo.test.ts checks which is which). */
export const DEMO_GAP_DECISIONS: { need: string; site: string; status: GapStatus; note: string }[] = [
  {
    need: 'Safe housing and shelter',
    site: 'Vancouver',
    status: 'unmet',
    note: 'Confirmed: emergency beds are found by phoning around, but long-term housing for women without status is unmet.',
  },
  {
    need: 'Safe housing and shelter',
    site: 'Toronto',
    status: 'ad_hoc',
    note: 'Overridden: the inventory lists shelters, but Toronto respondents find beds case by case, through staff, churches and friends, not through a program.',
  },
];

export const DEMO_REPORT = {
  summary:
    'Front-line workers at all four sites meet victims of trafficking in persons without programs designed for them. ' +
    'Immediate needs (a safe place to stay, health care, protection) are met, when they are met, through improvised ' +
    'arrangements; long-term needs, above all immigration status and housing, are largely unmet. Vancouver and Winnipeg ' +
    'respondents speak mostly of Aboriginal girls and young women trafficked within Canada; Toronto and Montreal ' +
    'respondents of migrant women and men exploited in domestic work, factories and the sex trade.',
  recommendations: [
    'Fund community organisations to serve victims of trafficking, with money for interpreters, staff time and emergency stays.',
    'Create a temporary residence permit for victims that does not depend on their testimony.',
    'Open safe, confidential emergency housing in each city, including housing by and for Aboriginal women and girls.',
    'Train front-line workers, police and immigration officers on the difference between trafficking and smuggling.',
    'Publish accurate, multilingual information for victims on their rights, services and legal options.',
  ],
  comparison:
    'The sites share the same gaps (status, long-term housing, funding) but differ in whom they serve: domestic trafficking ' +
    'of Aboriginal girls dominates in the West, international trafficking of migrant workers in the East.',
  /** Two or three quotes per theme, one theme in each category with codings: each found by its coder segment's opening words. */
  quotes: [
    { code: 'Working definitions/Consistent with UN Protocol', participant: 'WPG-06', opening: 'Someone brings them somewhere' },
    { code: 'Working definitions/Consistent with UN Protocol', participant: 'TOR-04', opening: 'a woman is brought from one place to another' },
    { code: 'Characteristics of trafficking/Recruitment and deception', participant: 'TOR-04', opening: 'They answered an advertisement at home' },
    { code: 'Characteristics of trafficking/Recruitment and deception', participant: 'WPG-02', opening: 'A young man, sometimes an older woman' },
    { code: 'Socio-structural conditions/Poverty', participant: 'VAN-01', opening: 'Poverty, first and last.' },
    { code: 'Socio-structural conditions/Poverty', participant: 'MTL-07', opening: 'La pauvreté.' },
    { code: 'Victim profiles/Aboriginal women and girls', participant: 'VAN-01', opening: 'The second group is Aboriginal girls' },
    { code: 'Victim profiles/Aboriginal women and girls', participant: 'WPG-06', opening: 'But most of the girls we meet at night' },
    { code: 'Networks/Reach across cities', participant: 'WPG-02', opening: 'Then she\'s not in Winnipeg anymore.' },
    { code: 'Networks/Reach across cities', participant: 'TOR-01', opening: 'We\'ve had workers who were moved' },
    { code: 'Needs/Safe housing and shelter', participant: 'WPG-06', opening: 'When a girl says she wants out' },
    { code: 'Needs/Safe housing and shelter', participant: 'VAN-01', opening: 'She needs a safe place' },
    { code: 'Needs/Safe housing and shelter', participant: 'MTL-02', opening: 'L\'hébergement d\'urgence' },
    { code: 'Needs/Immigration status and legal help', participant: 'TOR-01', opening: 'Longer term, honestly' },
    { code: 'Needs/Immigration status and legal help', participant: 'MTL-02', opening: 'À long terme, c\'est le statut' },
    { code: 'Agency responses/Ad hoc arrangements', participant: 'VAN-01', opening: 'None of that is a program' },
    { code: 'Agency responses/Ad hoc arrangements', participant: 'WPG-06', opening: 'So we\'ve had parishioners' },
    { code: 'Obstacles/Lack of funding', participant: 'WPG-06', opening: 'We run on the collection plate' },
    { code: 'Obstacles/Lack of funding', participant: 'TOR-01', opening: 'Our grant is for employment rights' },
    { code: 'Obstacles/Lack of funding', participant: 'MTL-02', opening: 'On n\'a aucun financement' },
    { code: 'Service status/Need unmet', participant: 'VAN-03', opening: 'The immigration needs are mostly unmet.' },
    { code: 'Service status/Need unmet', participant: 'WPG-02', opening: 'There is no safe house in this city' },
  ],
};

/** Adds the catalogues, status codes, decisions and report draft; `lead` decides and chooses quotes. */
export async function addDemoNeedsAndReport(p: ProjectStore, lead: UserId): Promise<void> {
  const codeIds = (paths: readonly string[]) => Promise.all(paths.map(async (path): Promise<CodeId> => (await p.findCode(path)).id));
  for (const n of DEMO_NEEDS) await p.createNeed({ ...n, codeIds: await codeIds(n.codes) });
  for (const b of DEMO_BARRIERS) await p.createBarrier({ ...b, codeIds: await codeIds(b.codes) });
  await p.setGapStatusCodes({
    met: await codeIds(DEMO_STATUS_CODES.met),
    ad_hoc: await codeIds(DEMO_STATUS_CODES.ad_hoc),
    unmet: await codeIds(DEMO_STATUS_CODES.unmet),
  });
  for (const d of DEMO_GAP_DECISIONS) {
    const [need, site] = await Promise.all([p.findNeed(d.need), p.findCase(d.site)]);
    await p.decideGap({ needId: need.id, siteId: site.id, status: d.status, note: d.note, authorId: lead });
  }
  const { quotes, ...draft } = DEMO_REPORT;
  await p.updateReportDraft(draft);
  for (const q of quotes) {
    const [code, doc] = await Promise.all([p.findCode(q.code), p.findDocument(`${q.participant} interview`)]);
    const coding = (await p.listCodings({ documentId: doc.id, codeId: code.id })).find((k) => k.quote.exact.startsWith(q.opening));
    if (!coding) throw new Error(`demo report: no "${q.code}" segment in ${q.participant} opening "${q.opening}"`);
    await p.chooseReportQuote({ segmentId: coding.segmentId, codeId: code.id, chosenBy: lead });
  }
}
