import { defineMessages } from './i18n/define.ts';

/** The shell's strings: navigation, user and language switches, loading. */
export const shellMessages = defineMessages({
  en: {
    appName: 'Crosswise',
    project: 'Project',
    nav: 'Main',
    overview: 'Study',
    documents: 'Documents',
    codebook: 'Codebook',
    retrieval: 'Retrieval',
    memos: 'Memos',
    agreement: 'Agreement',
    workingAs: 'Working as',
    language: 'Language',
    loading: 'Loading…',
    failed: 'Could not open the study: {message}',
    dismiss: 'Dismiss',
    skipToContent: 'Skip to content',
  },
  fr: {
    appName: 'Crosswise',
    project: 'Projet',
    nav: 'Principal',
    overview: 'Étude',
    documents: 'Documents',
    codebook: 'Livre de codes',
    retrieval: 'Extraits codés',
    memos: 'Mémos',
    agreement: 'Accord',
    workingAs: 'Travail en tant que',
    language: 'Langue',
    loading: 'Chargement…',
    failed: 'Impossible d’ouvrir l’étude : {message}',
    dismiss: 'Fermer',
    skipToContent: 'Aller au contenu',
  },
});
