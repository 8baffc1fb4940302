import { defineMessages } from '../i18n/define.ts';

/** The download links' strings, shared by every view that offers its table or chart as a file. */
export const downloadMessages = defineMessages({
  en: {
    download: 'Download',
    downloadAs: 'Download {what} as {format}',
    table: 'table',
    chart: 'chart',
    pairsTable: 'pairs',
    pairs: 'Pairs',
  },
  fr: {
    download: 'Télécharger',
    downloadAs: 'Télécharger {what} en {format}',
    table: 'le tableau',
    chart: 'le graphique',
    pairsTable: 'les paires',
    pairs: 'Paires',
  },
});
