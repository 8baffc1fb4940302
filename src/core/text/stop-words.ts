// Words too common to say anything in a word count, folded (fold.ts): function
// words, the pieces contractions and elisions leave ("don’t" → don, t; "l’aide"
// → l), and the fillers of spoken transcripts.

import type { Language } from '../model.ts';

const EN = `a about above after again against ago all also am an and any are aren as at be because been before being
below between both but by can cannot could couldn d did didn do does doesn doing don down during each even ever
every few for from further get gets getting go goes going gone got had hadn has hasn have haven having he her here
hers herself him himself his how however i if in into is isn it its itself just kind know let ll m me might mine
more most much must mustn my myself no nor not now o of off oh ok okay on once one only or other our ours ourselves
out over own re really right s said same say says shan she should shouldn so some something such t than that the
their theirs them themselves then there these they thing things this those though through to too um uh under
until up us ve very was wasn we well were weren what when where which while who whom whose why will with won would
wouldn yeah yes yet you your yours yourself yourselves mm hmm like`;

const FR = `a ai aie aient aies ait alors as au aujourd aucun aucune aussi autre autres aux avaient avais avait avant avec
avez aviez avions avoir avons ayant b ben bien bon c ca car ce ceci cela celle celles celui ces cet cette ceux chaque
chez ci comme comment d dans de des deja donc dont du e elle elles en encore entre es est et etaient etais etait
etant ete etes etiez etions etre eu eue eues euh eurent eus eux fait faire fais faut hein hui hum ici il ils j je jusqu
l la le les leur leurs lorsqu lui m ma mais me meme mes moi mon n ne ni non nos notre nous o ok on ont ou oui ouais
par parce pas peu peut plus pour pourquoi puis puisqu qu quand que quel quelle quelles quelqu quels qui quoi s sa sans se
sera seront ses si sien soit sommes son sont sous suis sur t ta te tes toi ton tous tout toute toutes tres tu un une
vers voila vos votre vous vu y`;

const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(EN.split(/\s+/)),
  fr: new Set(FR.split(/\s+/)),
};

/** Whether a folded word is a stop word in any of `languages`. */
export function isStopWord(folded: string, languages: readonly Language[]): boolean {
  return languages.some((l) => STOP_WORDS[l].has(folded));
}
