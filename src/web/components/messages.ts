import { defineMessages } from '../i18n/define.ts';

/** Strings the shared widgets show themselves. */
export const componentMessages = defineMessages({
  en: {
    cancel: 'Cancel',
    noMatches: 'Nothing matches',
    customColour: 'Custom colour',
    colour: 'Colour {value}',
    sortBy: 'Sort by {column}',
    dropOnRoot: 'Drop here to move to the top level',
    loadFailed: 'Could not load: {message}',
    loading: 'Loading…',
    retry: 'Try again',
    yes: 'yes',
    no: 'no',
  },
  fr: {
    cancel: 'Annuler',
    noMatches: 'Aucun résultat',
    customColour: 'Couleur personnalisée',
    colour: 'Couleur {value}',
    sortBy: 'Trier par {column}',
    dropOnRoot: 'Déposer ici pour placer au premier niveau',
    loadFailed: 'Chargement impossible : {message}',
    loading: 'Chargement…',
    retry: 'Réessayer',
    yes: 'oui',
    no: 'non',
  },
});
