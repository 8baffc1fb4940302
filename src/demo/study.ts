// The demo study: modelled on the 2005 community-sector study of victims of
// trafficking in persons (see the README). Every organisation, person and
// transcript here is FICTIONAL, written to demonstrate the software.

import type { InterviewStatus, Language, UserRole, WorkingDefinition } from '../core/model.ts';

export const DEMO_TITLE = 'Demo: Victims of trafficking in persons: perspectives from the community sector (fictional data)';

export const DEMO_PROJECT = {
  title: DEMO_TITLE,
  description:
    'A fictional demonstration project modelled on a 2005 Canadian study in which 40 front-line workers from ' +
    'community organisations in Vancouver, Winnipeg, Toronto and Montreal were interviewed by telephone about ' +
    'victims of trafficking in persons. All organisations, participants and transcripts are invented to show ' +
    'how Crosswise supports such a study; none is real.',
  objectives: [
    'Gain a deeper understanding of the characteristics and the needs of victims of trafficking in persons.',
    'Document the community-based services that exist for victims, and the gaps in those services.',
    'Compare sites vertically (within a respondent or site) and horizontally (across respondents and sites).',
  ],
  definitions: [
    {
      term: 'Trafficking in persons',
      definition:
        'Involves the recruitment, transportation or harbouring of persons for the purpose of exploitation, and may ' +
        'occur across or within borders. Traffickers use various methods to maintain control over their victims, ' +
        'including force and threats of violence.',
      source: 'Working definition of the study, developed from the UN Protocol to Prevent, Suppress and Punish Trafficking in Persons (2000)',
    },
  ] satisfies WorkingDefinition[],
  languages: ['en', 'fr'] satisfies Language[],
};

export const DEMO_USERS: { key: string; name: string; role: UserRole }[] = [
  { key: 'lead', name: 'Hélène Marchand', role: 'lead' },
  { key: 'west', name: 'Daniel Okafor', role: 'interviewer' },
  { key: 'east', name: 'Sophie Tran', role: 'interviewer' },
  { key: 'A', name: 'Amira Haddad', role: 'coder' },
  { key: 'B', name: 'Luc Tremblay', role: 'coder' },
];

export const ORGANISATION_TYPES = [
  'Victim services',
  'Immigrant and refugee settlement services',
  'Community social rights group',
  'Religious organisation',
  "Women's organisation",
  'Aboriginal or ethnic organisation',
] as const;
type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const DEMO_ATTRIBUTES = [
  { name: 'province', type: 'text', caseKinds: ['site'], description: 'Province of the site' },
  { name: 'organisation type', type: 'text', caseKinds: ['organisation'], description: 'One of the six kinds of service provider the study sampled' },
  { name: 'languages served', type: 'text', caseKinds: ['organisation'], description: 'Languages in which the organisation offers services' },
  { name: 'serves Aboriginal people', type: 'boolean', caseKinds: ['organisation'], description: 'Aboriginal people are among the populations served' },
  { name: 'role', type: 'text', caseKinds: ['participant'], description: "The respondent's position in the organisation" },
  { name: 'years of experience', type: 'integer', caseKinds: ['participant'], description: 'Years of front-line work' },
  { name: 'interview language', type: 'text', caseKinds: ['participant'], description: 'Language of the interview' },
] as const;

interface SiteSpec {
  name: string;
  province: string;
  interviewer: string;
  organisations: { name: string; type: OrganisationType; languages: string; aboriginal: boolean }[];
  /** [participant id, organisation index, role, years of experience, interview language, date] */
  participants: [string, number, string, number, Language, string][];
}

export const DEMO_SITES: SiteSpec[] = [
  {
    name: 'Vancouver',
    province: 'British Columbia',
    interviewer: 'west',
    organisations: [
      { name: "Harbourside Women's Shelter Society", type: "Women's organisation", languages: 'English, Cantonese, Spanish', aboriginal: true },
      { name: 'Pacific Gateway Settlement Services', type: 'Immigrant and refugee settlement services', languages: 'English, Mandarin, Korean, Tagalog', aboriginal: false },
      { name: 'Eastside Aboriginal Friendship Circle', type: 'Aboriginal or ethnic organisation', languages: 'English, Cree', aboriginal: true },
      { name: 'Coastal Victim Assistance Network', type: 'Victim services', languages: 'English', aboriginal: true },
      { name: 'St. Columba Street Ministry', type: 'Religious organisation', languages: 'English', aboriginal: true },
      { name: 'Lower Mainland Migrant Rights Network', type: 'Community social rights group', languages: 'English, Spanish, Tagalog', aboriginal: false },
      { name: "Filipino Community Caregivers' Association", type: 'Aboriginal or ethnic organisation', languages: 'English, Tagalog', aboriginal: false },
    ],
    participants: [
      ['VAN-01', 0, 'Shelter coordinator', 9, 'en', '2005-01-18'],
      ['VAN-02', 1, 'Intake worker', 4, 'en', '2005-01-20'],
      ['VAN-03', 1, 'Settlement counsellor', 6, 'en', '2005-01-25'],
      ['VAN-04', 4, 'Street minister', 15, 'en', '2005-02-01'],
      ['VAN-05', 2, 'Outreach worker', 15, 'en', '2005-02-08'],
      ['VAN-06', 5, 'Organiser', 5, 'en', '2005-02-14'],
      ['VAN-07', 6, 'Coordinator', 10, 'en', '2005-02-22'],
      ['VAN-08', 3, 'Victim services worker', 3, 'en', '2005-03-02'],
      ['VAN-09', 0, 'Counsellor', 6, 'en', '2005-03-10'],
      ['VAN-10', 2, 'Youth worker', 2, 'en', '2005-03-17'],
    ],
  },
  {
    name: 'Winnipeg',
    province: 'Manitoba',
    interviewer: 'west',
    organisations: [
      { name: "Red River Indigenous Women's Lodge", type: 'Aboriginal or ethnic organisation', languages: 'English, Ojibwe, Cree', aboriginal: true },
      { name: 'Prairie Newcomer Centre', type: 'Immigrant and refugee settlement services', languages: 'English, Arabic, Somali, Spanish', aboriginal: false },
      { name: "St. Brigid's Community Outreach", type: 'Religious organisation', languages: 'English', aboriginal: true },
      { name: 'Manitoba Victim Support Line', type: 'Victim services', languages: 'English, French', aboriginal: true },
      { name: "North End Women's Resource Centre", type: "Women's organisation", languages: 'English', aboriginal: true },
      { name: 'Assiniboine Social Justice Coalition', type: 'Community social rights group', languages: 'English', aboriginal: true },
      { name: 'Métis Family Services Circle', type: 'Aboriginal or ethnic organisation', languages: 'English, Michif', aboriginal: true },
    ],
    participants: [
      ['WPG-01', 4, 'Counsellor', 8, 'en', '2005-01-26'],
      ['WPG-02', 0, 'Program director', 14, 'en', '2005-02-02'],
      ['WPG-03', 6, 'Family support worker', 6, 'en', '2005-02-09'],
      ['WPG-04', 1, 'Caseworker', 6, 'en', '2005-02-15'],
      ['WPG-05', 5, 'Coordinator', 11, 'en', '2005-02-23'],
      ['WPG-06', 2, 'Outreach coordinator', 9, 'en', '2005-03-09'],
      ['WPG-07', 0, 'Youth worker', 3, 'en', '2005-03-16'],
      ['WPG-08', 1, 'Interpreter', 7, 'en', '2005-03-23'],
      ['WPG-09', 3, 'Crisis counsellor', 4, 'en', '2005-04-06'],
      ['WPG-10', 4, 'Executive director', 19, 'en', '2005-04-13'],
    ],
  },
  {
    name: 'Toronto',
    province: 'Ontario',
    interviewer: 'east',
    organisations: [
      { name: "Metro Migrant Workers' Rights Collective", type: 'Community social rights group', languages: 'English, Spanish, Portuguese, Tagalog', aboriginal: false },
      { name: 'Lakeshore Refugee Welcome House', type: 'Immigrant and refugee settlement services', languages: 'English, French, Spanish, Amharic', aboriginal: false },
      { name: "Women's Legal Information Clinic", type: "Women's organisation", languages: 'English, French, Portuguese', aboriginal: true },
      { name: 'Downtown Youth Street Services', type: 'Victim services', languages: 'English', aboriginal: true },
      { name: "Korean Women's Support Network", type: 'Aboriginal or ethnic organisation', languages: 'English, Korean', aboriginal: false },
      { name: "Native Women's Circle of Toronto", type: 'Aboriginal or ethnic organisation', languages: 'English, Ojibwe', aboriginal: true },
      { name: 'Holy Trinity Refugee Committee', type: 'Religious organisation', languages: 'English, Spanish', aboriginal: false },
    ],
    participants: [
      ['TOR-01', 0, 'Organiser', 8, 'en', '2005-02-21'],
      ['TOR-02', 4, 'Counsellor', 6, 'en', '2005-02-28'],
      ['TOR-03', 6, 'Volunteer coordinator', 12, 'en', '2005-03-07'],
      ['TOR-04', 1, 'Housing worker', 5, 'en', '2005-03-14'],
      ['TOR-05', 5, 'Outreach worker', 9, 'en', '2005-03-21'],
      ['TOR-06', 2, 'Legal advocate', 7, 'en', '2005-04-11'],
      ['TOR-07', 1, 'Settlement counsellor', 4, 'en', '2005-04-18'],
      ['TOR-08', 2, 'Executive director', 20, 'en', '2005-04-25'],
      ['TOR-09', 3, 'Youth worker', 5, 'en', '2005-05-03'],
      ['TOR-10', 0, 'Researcher and organiser', 3, 'en', '2005-05-12'],
    ],
  },
  {
    name: 'Montreal',
    province: 'Quebec',
    interviewer: 'lead',
    organisations: [
      { name: "Maison d'hébergement L'Escale", type: "Women's organisation", languages: 'French, English, Spanish', aboriginal: false },
      { name: "Centre d'accueil des nouveaux arrivants de Montréal", type: 'Immigrant and refugee settlement services', languages: 'French, English, Spanish, Arabic', aboriginal: false },
      { name: 'Collectif pour les droits sociaux du Centre-Sud', type: 'Community social rights group', languages: 'French', aboriginal: false },
      { name: 'Sainte-Anne Mission', type: 'Religious organisation', languages: 'English, French', aboriginal: true },
      { name: "Centre d'aide aux victimes Ville-Marie", type: 'Victim services', languages: 'French, English', aboriginal: true },
      { name: 'Association des femmes haïtiennes du Nord', type: 'Aboriginal or ethnic organisation', languages: 'French, Haitian Creole', aboriginal: false },
      { name: 'Cercle des femmes autochtones de Montréal', type: 'Aboriginal or ethnic organisation', languages: 'French, English, Innu', aboriginal: true },
    ],
    participants: [
      ['MTL-01', 4, 'Intervenante', 7, 'fr', '2005-01-19'],
      ['MTL-02', 0, 'Intervenante', 10, 'fr', '2005-01-27'],
      ['MTL-03', 1, 'Conseillère en établissement', 6, 'fr', '2005-02-24'],
      ['MTL-04', 5, 'Coordonnatrice', 13, 'fr', '2005-03-03'],
      ['MTL-05', 6, 'Intervenante', 5, 'fr', '2005-03-15'],
      ['MTL-06', 2, 'Organisatrice communautaire', 8, 'fr', '2005-03-17'],
      ['MTL-07', 2, 'Coordonnateur', 12, 'fr', '2005-03-22'],
      ['MTL-08', 1, 'Interprète', 4, 'fr', '2005-04-20'],
      ['MTL-09', 4, 'Directrice', 16, 'fr', '2005-04-28'],
      ['MTL-10', 3, 'Chaplain and outreach worker', 22, 'en', '2005-05-10'],
    ],
  },
];

/** Transcribed interviews, and whether the two coders have coded them yet. */
export const DEMO_TRANSCRIPTS: { participant: string; coded: boolean }[] = [
  { participant: 'VAN-01', coded: true },
  { participant: 'VAN-03', coded: true },
  { participant: 'VAN-05', coded: true },
  { participant: 'VAN-08', coded: false },
  { participant: 'WPG-02', coded: true },
  { participant: 'WPG-04', coded: true },
  { participant: 'WPG-06', coded: true },
  { participant: 'WPG-09', coded: false },
  { participant: 'TOR-01', coded: true },
  { participant: 'TOR-04', coded: true },
  { participant: 'TOR-06', coded: true },
  { participant: 'TOR-09', coded: false },
  { participant: 'MTL-02', coded: true },
  { participant: 'MTL-03', coded: true },
  { participant: 'MTL-07', coded: true },
  { participant: 'MTL-10', coded: false },
];

export function interviewStatus(participant: string): InterviewStatus {
  const transcript = DEMO_TRANSCRIPTS.find((t) => t.participant === participant);
  return transcript ? (transcript.coded ? 'coded' : 'transcribed') : 'done';
}

export const DEMO_GUIDE = [
  {
    title: 'Characteristics of trafficking in persons encountered',
    description: 'How trafficking appears in the organisation’s work, and the respondent’s working definition.',
    questions: [
      'How would you define trafficking in persons in your own work?',
      'What situations of trafficking has your organisation encountered, and who were the people involved?',
      'How were people recruited, moved and controlled?',
      'Is trafficking within Canada part of what you see?',
    ],
  },
  {
    title: 'Victims’ needs in prevention and protection',
    description: 'Short- and long-term needs, for prevention and for protection.',
    questions: [
      'What do victims need first, in the days after they come into contact with you?',
      'What do they need in the longer term?',
      'What would prevent people from being trafficked in the first place?',
    ],
  },
  {
    title: 'Agencies’ responses to trafficking',
    description: 'What the organisation and its partners do.',
    questions: [
      'What does your organisation do when it meets a person who may have been trafficked?',
      'Which other agencies do you work with, and how?',
      'Have you had contact with the police or immigration authorities in such cases?',
    ],
  },
  {
    title: 'Gaps and barriers in the provision of services',
    description: 'Needs that are not met, and what stands in the way.',
    questions: [
      'Which needs are currently not met, or met only through ad hoc arrangements?',
      'What are the main obstacles to providing services to victims?',
      'What should change, in policy or in practice?',
    ],
  },
];

export const DEMO_MEMOS: { target: 'project' | 'code' | 'site'; ref?: string; author: string; title: string; text: string }[] = [
  {
    target: 'project',
    author: 'lead',
    title: 'About this demo',
    text:
      'Everything in this project is fictional: organisations, respondents and transcripts were written to demonstrate ' +
      'Crosswise. The design follows the real study: four sites, forty telephone interviews with front-line workers, ' +
      'open coding, and vertical and horizontal comparison of the themes that emerged.',
  },
  {
    target: 'code',
    ref: 'Service status',
    author: 'lead',
    title: 'How to use the service-status codes',
    text:
      'Apply "Need met", "Need met only ad hoc" or "Need unmet" to the same passage as the need it qualifies. The gap ' +
      'matrix reads these pairs to propose a status for each need at each site.',
  },
  {
    target: 'code',
    ref: 'Working definitions/Confused with smuggling',
    author: 'A',
    title: 'Smuggling or trafficking?',
    text: 'Several respondents move between the two terms within one answer. Code the confusion, not our own judgement of the case.',
  },
  {
    target: 'site',
    ref: 'Winnipeg',
    author: 'west',
    title: 'Winnipeg: first impressions',
    text: 'Respondents here speak mostly of trafficking within Canada, from northern communities into the city and onward.',
  },
];
