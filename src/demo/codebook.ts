// The demo's starter codebook: categories (not codable) that group the codes the
// seed study's analysis arrived at. Names are the paths the transcripts' coding uses.

export interface CodeSpec {
  name: string;
  definition: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
}

export interface CategorySpec {
  name: string;
  color: string;
  definition: string;
  codes: CodeSpec[];
}

export const DEMO_CODEBOOK: CategorySpec[] = [
  {
    name: 'Working definitions',
    color: '#7f7f7f',
    definition: 'How respondents define trafficking in persons in their own work.',
    codes: [
      { name: 'Consistent with UN Protocol', definition: 'A definition that includes recruitment, movement or harbouring for exploitation, by force, threat or deception.' },
      { name: 'Confused with smuggling', definition: 'The respondent treats trafficking and migrant smuggling as the same thing, or moves between them.', exclusion: 'A respondent who explicitly distinguishes the two.' },
      { name: 'Domestic trafficking not considered', definition: 'The respondent says they had not thought of trafficking within Canada as trafficking.' },
    ],
  },
  {
    name: 'Characteristics of trafficking',
    color: '#d62728',
    definition: 'Forms of trafficking encountered, and how people are recruited, moved and controlled.',
    codes: [
      { name: 'Sexual exploitation', definition: 'Exploitation in the sex trade, escort services, massage parlours or similar.' },
      { name: 'Labour exploitation', definition: 'Forced or exploitative work in factories, farms, restaurants, cleaning or construction.' },
      { name: 'Domestic servitude', definition: 'Exploitation as live-in domestic workers or caregivers in private homes.' },
      { name: 'Recruitment and deception', definition: 'False promises of jobs, study, marriage or a better life used to recruit.', example: '“They were told they would work in a restaurant.”' },
      { name: 'Debt bondage', definition: 'A debt for travel, papers or housing used to keep the person working.' },
      { name: 'Control and confiscation of documents', definition: 'Passports or papers taken, movement watched, contact with others restricted.' },
      { name: 'Domestic (within Canada)', definition: 'Trafficking within Canadian borders, between cities or from small communities.' },
      { name: 'International', definition: 'People trafficked into Canada from other countries.' },
      { name: 'Canada as transit country', definition: 'People moved through Canada to another country, usually the United States.' },
    ],
  },
  {
    name: 'Socio-structural conditions',
    color: '#8c564b',
    definition: 'Conditions, in Canada and in countries of origin, that respondents say create the conditions for trafficking.',
    codes: [
      { name: 'Poverty', definition: 'Poverty as a cause or condition of vulnerability.' },
      { name: 'Feminisation of poverty', definition: 'Poverty that falls on women in particular: single mothers, women without income of their own.' },
      { name: 'Lack of economic opportunity', definition: 'No jobs, training or prospects at home or in Canada.' },
    ],
  },
  {
    name: 'Victim profiles',
    color: '#9467bd',
    definition: 'Who the victims are, as respondents describe them.',
    codes: [
      { name: 'Young age', definition: 'Victims described as young: teenagers, young women.' },
      { name: 'Aboriginal women and girls', definition: 'Victims who are Aboriginal women or girls.' },
      { name: 'Children', definition: 'Victims who are children, often hardest to reach.' },
      { name: 'Migrants', definition: 'Victims who are migrants, with or without status.' },
    ],
  },
  {
    name: 'Networks',
    color: '#17becf',
    definition: 'The organisation and reach of trafficking networks.',
    codes: [
      { name: 'Level of organisation', definition: 'Networks described as organised, with roles, recruiters and contacts.' },
      { name: 'Reach across cities', definition: 'Networks linking major cities in Canada and the United States.' },
      { name: 'Reach into small towns', definition: 'Networks extending into smaller towns and northern communities.' },
    ],
  },
  {
    name: 'Needs',
    color: '#2ca02c',
    definition: 'What victims need, short and long term, for prevention and for protection.',
    codes: [
      { name: 'Safe housing and shelter', definition: 'A safe place to stay, immediately or for the longer term.' },
      { name: 'Immigration status and legal help', definition: 'Regular status, legal advice and representation.' },
      { name: 'Health care', definition: 'Physical and sexual health care, with or without health insurance.' },
      { name: 'Counselling and trauma care', definition: 'Emotional support, counselling, care for trauma.' },
      { name: 'Interpretation and culturally appropriate services', definition: 'Services in the person’s language and respectful of their culture.' },
      { name: 'Income and employment', definition: 'Money to live on, a right to work, a job.' },
      { name: 'Education and training', definition: 'Schooling, language classes, job training.' },
      { name: 'Protection from traffickers', definition: 'Safety from traffickers and their associates, for the person and their family.' },
      { name: 'Repatriation or family contact', definition: 'Safe return home, or contact with family.' },
      { name: 'Services for children and youth', definition: 'Services designed for children and young people.' },
      { name: 'Services for Aboriginal women and girls', definition: 'Services by and for Aboriginal women and girls.' },
    ],
  },
  {
    name: 'Agency responses',
    color: '#1f77b4',
    definition: 'What organisations do when they meet people who may have been trafficked.',
    codes: [
      { name: 'Ad hoc arrangements', definition: 'Improvised help: a spare room, a personal contact, money from another budget.' },
      { name: 'Referral and partnerships', definition: 'Referring to or working with other agencies.' },
      { name: 'Outreach', definition: 'Going to where people are: streets, workplaces, communities.' },
      { name: 'Awareness and training', definition: 'Raising awareness, training staff, volunteers or the public.' },
      { name: 'Advocacy', definition: 'Advocating for individuals or for policy change.' },
      { name: 'Contact with police', definition: 'Working with, or deciding not to involve, the police.' },
    ],
  },
  {
    name: 'Obstacles',
    color: '#ff7f0e',
    definition: 'What stands in the way of providing services to victims.',
    codes: [
      { name: 'Lack of funding', definition: 'No or insufficient funding for community groups to serve victims.' },
      { name: 'Lack of immigration status', definition: 'Victims without status cannot access services or stay safely.' },
      { name: 'Language and cultural barriers', definition: 'Language, culture or lack of interpreters block access.' },
      { name: 'Marginalisation and isolation', definition: 'Victims cut off from community, family and services.' },
      { name: 'Fear of deportation', definition: 'Victims fear being sent back if they come forward.' },
      { name: 'Fear of retaliation', definition: 'Victims fear traffickers will harm them or their families.' },
      { name: 'Secrecy and silence', definition: 'The hidden nature of trafficking; people and communities do not speak of it.' },
      { name: 'Lack of information', definition: 'Little information on trafficking, or inaccurate information.' },
    ],
  },
  {
    name: 'Service status',
    color: '#bcbd22',
    definition: 'Whether a need the passage speaks of is met: apply together with the Needs code it qualifies.',
    codes: [
      { name: 'Need met', definition: 'The respondent says the need is met by existing services.' },
      { name: 'Need met only ad hoc', definition: 'The need is met only through improvised or personal arrangements.' },
      { name: 'Need unmet', definition: 'The need is not met.' },
    ],
  },
];
