// Every fixed label and sentence of the findings report, in English and French.
// The French table has the English table's type, so it must have every key with
// the same parameters. Numbers arrive already formatted (format.ts); a count that
// decides a plural arrives as a number beside its formatted text.

import type { InterviewMode, Language } from '../core/model.ts';
import type { GapStatus, NeedHorizon, NeedPurpose } from '../core/needs.ts';
import type { Verdict } from '../analysis/site-comparison.ts';
import type { SectionId } from './model.ts';

/** A count for a sentence: the number (for the plural) and its formatted text. */
export interface Count {
  n: number;
  text: string;
}

const s = (c: Count, one: string, many: string) => `${c.text} ${c.n === 1 ? one : many}`;
// French: 0 and 1 take the singular.
const sFr = (c: Count, one: string, many: string) => `${c.text} ${c.n <= 1 ? one : many}`;

const en = {
  kind: 'Findings report',
  contents: 'Contents',
  labelSeparator: ': ',
  page: 'Page',
  producedOn: (date: string) => `Produced on ${date}`,
  sections: {
    summary: 'Summary',
    methodology: 'Methodology',
    findings: 'Findings by issue area',
    comparison: 'Similarities and differences between sites',
    gaps: 'Needs and gaps in services',
    barriers: 'Barriers',
    recommendations: 'Recommendations',
  } satisfies Record<SectionId, string>,
  noSummary: 'No summary has been written for this report yet.',
  noRecommendations: 'No recommendations have been written for this report yet.',

  studyDesign: 'Study design',
  objectives: 'Objectives',
  definitions: 'Working definitions',
  definition: (term: string, text: string) => `${term}: ${text}`,
  definitionSource: (source: string) => `Source: ${source}`,
  design: (c: { interviews: Count; participants: Count; organisations: Count; sites: Count; siteNames: string }) =>
    `The study holds ${s(c.interviews, 'interview', 'interviews')} with ${s(c.participants, 'participant', 'participants')} from ${s(c.organisations, 'organisation', 'organisations')} at ${s(c.sites, 'site', 'sites')}: ${c.siteNames}.`,
  factSites: 'Sites',
  factOrganisations: 'Organisations',
  factParticipants: 'Participants',
  factInterviews: 'Interviews',
  factDocuments: 'Transcripts',
  factMode: 'Interview mode',
  factDates: 'Interview dates',
  modes: { telephone: 'telephone', in_person: 'in person', video: 'video' } satisfies Record<InterviewMode, string>,
  modeCount: (mode: string, count: string) => `${mode} (${count})`,
  dateRange: (from: string, to: string) => (from === to ? from : `from ${from} to ${to}`),
  notRecorded: 'not recorded',
  sitesCaption: 'Participants by site',
  siteColumn: 'Site',
  organisationsColumn: 'Organisations',
  participantsColumn: 'Participants',
  interviewsColumn: 'Interviews',
  codedColumn: 'Participants with coded transcripts',
  typesCaption: 'Organisations by type',
  typeColumn: 'Type of organisation',

  analysis: 'Analysis',
  analysisMethod: (c: { areas: Count; codes: Count; segments: Count; codings: Count; coders: Count }) =>
    `The transcripts were coded thematically with a codebook of ${s(c.areas, 'issue area', 'issue areas')} and ${s(c.codes, 'code', 'codes')}: ${s(c.segments, 'passage carries', 'passages carry')} ${s(c.codings, 'coding', 'codings')} by ${s(c.coders, 'coder', 'coders')}.`,
  guideAreas: (areas: Count, titles: string) => `The interview guide covered ${s(areas, 'issue area', 'issue areas')}: ${titles}.`,
  prevalenceMethod: (threshold: string, weak: string | null) =>
    `A theme's prevalence at a site is the share of the site's participants with coded transcripts whose transcripts mention it. A theme is common to all sites when it reaches ${threshold} at every site, and differs between sites when it reaches ${threshold} at some sites and is ${weak === null ? 'absent' : `at most ${weak}`} at others.`,
  oneCoderOnly: 'Prevalence, needs and barriers count the codings of one coder only.',
  gapMethod:
    'At each site, a need is proposed as met, met only ad hoc, unmet or unknown from the coded passages about it and from the services inventory, then confirmed or overridden by an analyst.',
  quoteMethod: 'Quotes are passages the analysts chose to print, verbatim; each is attributed to a participant’s study identifier and site, never to a name.',

  agreement: 'Intercoder agreement',
  agreementNone: 'Intercoder agreement was not computed: fewer than two coders coded the transcripts.',
  agreementIntro: (c: { coders: Count; documents: Count; codes: Count }) =>
    `${c.coders.text} coders coded the same ${s(c.documents, 'transcript', 'transcripts')} independently; their use of ${s(c.codes, 'code', 'codes')} was compared passage by passage.`,
  factStatistic: 'Statistic',
  factLevel: 'Level of comparison',
  segmentLevel: 'passages (segment level)',
  factUnits: 'Decisions compared (passage × code)',
  factCoders: 'Coders',
  coderLabel: (i: number) => `Coder ${i}`,
  valueColumn: 'Value',
  agreementCaption: 'Agreement over all codes',
  percentAgreement: 'Percent agreement',
  cohenKappa: 'Cohen’s kappa',
  fleissKappa: 'Fleiss’ kappa',
  krippendorffAlpha: 'Krippendorff’s alpha (nominal)',
  confidence: (low: string, high: string) => `95% CI ${low} to ${high}`,
  notDefined: 'not defined',
  byCodeCaption: 'Agreement by code',
  codeColumn: 'Code',
  passagesColumn: 'Passages',
  agreementColumn: 'Agreement',
  kappaColumn: 'Kappa',
  alphaColumn: 'Alpha',
  caveatSegments: (overlap: string) =>
    `Passages are matched across coders when they overlap by at least ${overlap} (overlap / union). For each code, a passage counts as agreement when all coders applied the code or none did; a passage only some coders marked is a disagreement.`,
  caveatDocuments: (compared: Count, left: Count) =>
    `Only the ${s(compared, 'transcript', 'transcripts')} every one of the coders coded ${compared.n === 1 ? 'was' : 'were'} compared; ${left.text} other${left.n === 1 ? ' was' : 's were'} left out.`,
  caveatChance:
    'Kappa and alpha correct percent agreement for the agreement expected by chance: 0 is chance-level agreement and 1 perfect agreement. Codes applied to few passages give unstable values.',

  findingsIntro:
    'Each issue area groups themes of the codebook. For each site, the tables and charts give the number of participants whose transcripts mention a theme and, in brackets, their share of the site’s participants with coded transcripts.',
  prevalenceCaption: (area: string) => `Prevalence of the themes of “${area}” by site`,
  themeColumn: 'Theme',
  anyTheme: (area: string) => `${area} (any theme)`,
  casesShare: (cases: string, share: string) => `${cases} (${share})`,
  nothingCoded: '—',
  nothingCodedNote: '—: no coded transcript at this site.',
  quotes: 'Selected quotes',
  quoteTheme: (theme: string) => `Theme: ${theme}`,
  attribution: (participant: string, site: string) => `Participant ${participant}, ${site}`,
  unknownParticipant: 'unidentified participant',
  unknownSite: 'site not recorded',

  similarities: 'Similarities',
  differences: 'Differences',
  similarity: (theme: string, threshold: string, low: string, high: string) =>
    `${theme}: at least ${threshold} of participants at every site (${low === high ? low : `${low} to ${high}`}).`,
  difference: (theme: string, strong: string, weak: string) => `${theme}: common in ${strong}; rare or absent in ${weak}.`,
  siteShare: (site: string, share: string) => `${site} (${share})`,
  noSimilarities: 'No theme is common to every site.',
  noDifferences: 'No theme is common at some sites and absent at others.',
  heatmapCaption: 'Share of participants mentioning each theme, by site',

  gapsIntro:
    'For each need, its status at each site and, in brackets, the number of participants whose transcripts evidence it. A status is proposed from the coded passages that qualify the need as met or not; where none does, a service listed at the site counts as met, and a need participants raised with no service listed there as unmet. An analyst then confirms or overrides it.',
  gapsCaption: 'Needs and gaps by site',
  needColumn: 'Need',
  needLabel: (name: string, horizon: string, purpose: string) => `${name} (${horizon}, ${purpose})`,
  horizons: { short_term: 'short term', long_term: 'long term' } satisfies Record<NeedHorizon, string>,
  purposes: { prevention: 'prevention', protection: 'protection' } satisfies Record<NeedPurpose, string>,
  statuses: { met: 'Met', ad_hoc: 'Met only ad hoc', unmet: 'Unmet', unknown: 'Unknown' } satisfies Record<GapStatus, string>,
  gapCell: (status: string, cases: string) => `${status} (${cases})`,
  decidedMark: '*',
  differsMark: '≠',
  decidedNote: '*: decided by an analyst (a confirmation or an override of the proposal).',
  differsNote: '≠ (highlighted): the need’s status differs between sites.',
  noNeeds: 'No needs have been catalogued for this study yet.',

  barriersIntro: 'For each barrier, the number of participants at each site whose transcripts mention it and, in brackets, their share of the site’s participants with coded transcripts.',
  barriersCaption: 'Barriers by site',
  barriersChart: 'Share of participants mentioning each barrier, by site',
  barrierColumn: 'Barrier',
  patternColumn: 'Pattern',
  verdicts: (v: Verdict): string => (v === 'similarity' ? 'Common to all sites' : v === 'difference' ? 'Differs between sites' : '—'),
  noBarriers: 'No barriers have been catalogued for this study yet.',
};

export type ReportMessages = typeof en;

const fr: ReportMessages = {
  kind: 'Rapport de résultats',
  contents: 'Table des matières',
  labelSeparator: '\u00a0: ',
  page: 'Page',
  producedOn: (date) => `Produit le ${date}`,
  sections: {
    summary: 'Résumé',
    methodology: 'Méthodologie',
    findings: 'Résultats par domaine',
    comparison: 'Similitudes et différences entre les sites',
    gaps: 'Besoins et lacunes dans les services',
    barriers: 'Obstacles',
    recommendations: 'Recommandations',
  },
  noSummary: 'Aucun résumé n’a encore été rédigé pour ce rapport.',
  noRecommendations: 'Aucune recommandation n’a encore été rédigée pour ce rapport.',

  studyDesign: 'Conception de l’étude',
  objectives: 'Objectifs',
  definitions: 'Définitions de travail',
  definition: (term, text) => `${term}\u00a0: ${text}`,
  definitionSource: (source) => `Source\u00a0: ${source}`,
  design: (c) =>
    `L’étude compte ${sFr(c.interviews, 'entrevue', 'entrevues')} auprès de ${sFr(c.participants, 'personne participante', 'personnes participantes')} de ${sFr(c.organisations, 'organisme', 'organismes')} dans ${sFr(c.sites, 'site', 'sites')}\u00a0: ${c.siteNames}.`,
  factSites: 'Sites',
  factOrganisations: 'Organismes',
  factParticipants: 'Personnes participantes',
  factInterviews: 'Entrevues',
  factDocuments: 'Transcriptions',
  factMode: 'Mode d’entrevue',
  factDates: 'Dates des entrevues',
  modes: { telephone: 'téléphone', in_person: 'en personne', video: 'vidéo' },
  modeCount: (mode, count) => `${mode} (${count})`,
  dateRange: (from, to) => (from === to ? from : `du ${from} au ${to}`),
  notRecorded: 'non consignées',
  sitesCaption: 'Personnes participantes par site',
  siteColumn: 'Site',
  organisationsColumn: 'Organismes',
  participantsColumn: 'Personnes participantes',
  interviewsColumn: 'Entrevues',
  codedColumn: 'Personnes participantes dont la transcription est codée',
  typesCaption: 'Organismes par type',
  typeColumn: 'Type d’organisme',

  analysis: 'Analyse',
  analysisMethod: (c) =>
    `Les transcriptions ont fait l’objet d’un codage thématique à l’aide d’une grille de ${sFr(c.areas, 'domaine', 'domaines')} et de ${sFr(c.codes, 'code', 'codes')}\u00a0: ${sFr(c.segments, 'passage porte', 'passages portent')} ${sFr(c.codings, 'codage', 'codages')} par ${sFr(c.coders, 'codeur', 'codeurs')}.`,
  guideAreas: (areas, titles) => `Le guide d’entrevue couvrait ${sFr(areas, 'domaine', 'domaines')}\u00a0: ${titles}.`,
  prevalenceMethod: (threshold, weak) =>
    `La prévalence d’un thème dans un site est la part des personnes participantes du site dont la transcription est codée qui l’évoquent. Un thème est commun à tous les sites lorsqu’il atteint ${threshold} dans chaque site, et il distingue les sites lorsqu’il atteint ${threshold} dans certains sites et ${weak === null ? 'est absent' : `ne dépasse pas ${weak}`} dans d’autres.`,
  oneCoderOnly: 'La prévalence, les besoins et les obstacles ne comptent que les codages d’un seul codeur.',
  gapMethod:
    'Dans chaque site, chaque besoin est proposé comme comblé, comblé de façon ponctuelle, non comblé ou inconnu à partir des passages codés qui s’y rapportent et du répertoire des services, puis confirmé ou modifié par une analyste ou un analyste.',
  quoteMethod:
    'Les citations sont des passages que l’équipe d’analyse a choisi de reproduire textuellement; chacune est attribuée à l’identifiant d’étude d’une personne participante et à son site, jamais à un nom.',

  agreement: 'Accord intercodeurs',
  agreementNone: 'L’accord intercodeurs n’a pas été calculé\u00a0: moins de deux codeurs ont codé les transcriptions.',
  agreementIntro: (c) =>
    `${c.coders.text} codeurs ont codé les mêmes ${sFr(c.documents, 'transcription', 'transcriptions')} de façon indépendante; leur usage de ${sFr(c.codes, 'code', 'codes')} a été comparé passage par passage.`,
  factStatistic: 'Statistique',
  factLevel: 'Niveau de comparaison',
  segmentLevel: 'passages (niveau du segment)',
  factUnits: 'Décisions comparées (passage × code)',
  factCoders: 'Codeurs',
  coderLabel: (i) => `Codeur ${i}`,
  valueColumn: 'Valeur',
  agreementCaption: 'Accord sur l’ensemble des codes',
  percentAgreement: 'Pourcentage d’accord',
  cohenKappa: 'Kappa de Cohen',
  fleissKappa: 'Kappa de Fleiss',
  krippendorffAlpha: 'Alpha de Krippendorff (nominal)',
  confidence: (low, high) => `IC à 95\u00a0% de ${low} à ${high}`,
  notDefined: 'non défini',
  byCodeCaption: 'Accord par code',
  codeColumn: 'Code',
  passagesColumn: 'Passages',
  agreementColumn: 'Accord',
  kappaColumn: 'Kappa',
  alphaColumn: 'Alpha',
  caveatSegments: (overlap) =>
    `Les passages de codeurs différents sont appariés lorsqu’ils se chevauchent d’au moins ${overlap} (chevauchement / union). Pour chaque code, un passage compte comme un accord lorsque tous les codeurs lui ont appliqué le code ou qu’aucun ne l’a fait; un passage marqué par certains codeurs seulement est un désaccord.`,
  caveatDocuments: (compared, left) =>
    `Seules les ${sFr(compared, 'transcription', 'transcriptions')} codées par chacun des codeurs ont été comparées; ${left.text} ${left.n <= 1 ? 'autre a été écartée' : 'autres ont été écartées'}.`,
  caveatChance:
    'Le kappa et l’alpha corrigent le pourcentage d’accord de l’accord attendu par hasard\u00a0: 0 correspond à un accord dû au hasard et 1 à un accord parfait. Les codes appliqués à peu de passages donnent des valeurs instables.',

  findingsIntro:
    'Chaque domaine regroupe des thèmes de la grille de codage. Pour chaque site, les tableaux et les graphiques donnent le nombre de personnes participantes dont la transcription évoque un thème et, entre parenthèses, leur part des personnes participantes du site dont la transcription est codée.',
  prevalenceCaption: (area) => `Prévalence des thèmes du domaine «\u00a0${area}\u00a0» par site`,
  themeColumn: 'Thème',
  anyTheme: (area) => `${area} (tous les thèmes)`,
  casesShare: (cases, share) => `${cases} (${share})`,
  nothingCoded: '—',
  nothingCodedNote: '—\u00a0: aucune transcription codée dans ce site.',
  quotes: 'Citations choisies',
  quoteTheme: (theme) => `Thème\u00a0: ${theme}`,
  attribution: (participant, site) => `Personne participante ${participant}, ${site}`,
  unknownParticipant: 'personne participante non identifiée',
  unknownSite: 'site non consigné',

  similarities: 'Similitudes',
  differences: 'Différences',
  similarity: (theme, threshold, low, high) =>
    `${theme}\u00a0: au moins ${threshold} des personnes participantes dans chaque site (${low === high ? low : `de ${low} à ${high}`}).`,
  difference: (theme, strong, weak) => `${theme} — sites où il est fréquent\u00a0: ${strong}; où il est rare ou absent\u00a0: ${weak}.`,
  siteShare: (site, share) => `${site} (${share})`,
  noSimilarities: 'Aucun thème n’est commun à tous les sites.',
  noDifferences: 'Aucun thème n’est fréquent dans certains sites et absent dans d’autres.',
  heatmapCaption: 'Part des personnes participantes qui évoquent chaque thème, par site',

  gapsIntro:
    'Pour chaque besoin, son état dans chaque site et, entre parenthèses, le nombre de personnes participantes dont la transcription en témoigne. L’état est proposé à partir des passages codés qui disent si le besoin est comblé ; à défaut, un service répertorié dans le site le fait compter comme comblé, et un besoin évoqué par les personnes participantes sans service répertorié comme non comblé. Une analyste ou un analyste le confirme ou le modifie ensuite.',
  gapsCaption: 'Besoins et lacunes par site',
  needColumn: 'Besoin',
  needLabel: (name, horizon, purpose) => `${name} (${horizon}, ${purpose})`,
  horizons: { short_term: 'court terme', long_term: 'long terme' },
  purposes: { prevention: 'prévention', protection: 'protection' },
  statuses: { met: 'Comblé', ad_hoc: 'Comblé de façon ponctuelle', unmet: 'Non comblé', unknown: 'Inconnu' },
  gapCell: (status, cases) => `${status} (${cases})`,
  decidedMark: '*',
  differsMark: '≠',
  decidedNote: '*\u00a0: décidé par une analyste ou un analyste (confirmation ou modification de la proposition).',
  differsNote: '≠ (en surbrillance)\u00a0: l’état du besoin diffère d’un site à l’autre.',
  noNeeds: 'Aucun besoin n’a encore été répertorié pour cette étude.',

  barriersIntro:
    'Pour chaque obstacle, le nombre de personnes participantes de chaque site dont la transcription l’évoque et, entre parenthèses, leur part des personnes participantes du site dont la transcription est codée.',
  barriersCaption: 'Obstacles par site',
  barriersChart: 'Part des personnes participantes qui évoquent chaque obstacle, par site',
  barrierColumn: 'Obstacle',
  patternColumn: 'Tendance',
  verdicts: (v) => (v === 'similarity' ? 'Commun à tous les sites' : v === 'difference' ? 'Diffère selon les sites' : '—'),
  noBarriers: 'Aucun obstacle n’a encore été répertorié pour cette étude.',
};

export const REPORT_MESSAGES: Record<Language, ReportMessages> = { en, fr };
