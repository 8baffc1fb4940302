import { defineMessages } from '../../i18n/define.ts';

export const reportMessages = defineMessages({
  en: {
    title: 'Findings report',
    intro:
      'The report for policy makers: summary, methodology, findings by issue area with charts and the quotes chosen for them, similarities and differences between sites, needs and gaps, barriers and recommendations. It prints no transcript text but the chosen quotes, attributed by participant code and site.',
    format: 'Format',
    html: 'Web page (HTML)',
    docx: 'Word (DOCX)',
    pdf: 'PDF',
    language: 'Language',
    en: 'English',
    fr: 'French',
    download: 'Download the report',
    slow: 'Writing the report takes a few seconds; a PDF a little longer.',
  },
  fr: {
    title: 'Rapport de résultats',
    intro:
      'Le rapport destiné aux décideurs : résumé, méthodologie, résultats par domaine avec graphiques et citations choisies, similitudes et différences entre les sites, besoins et lacunes, obstacles et recommandations. Il ne reproduit aucun extrait de transcription en dehors des citations choisies, attribuées au code de la personne participante et à son site.',
    format: 'Format',
    html: 'Page Web (HTML)',
    docx: 'Word (DOCX)',
    pdf: 'PDF',
    language: 'Langue',
    en: 'Anglais',
    fr: 'Français',
    download: 'Télécharger le rapport',
    slow: 'La rédaction du rapport prend quelques secondes; un peu plus pour un PDF.',
  },
});
