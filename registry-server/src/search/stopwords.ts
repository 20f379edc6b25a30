// Function words of the network's languages. They are not indexed (about a third of the words of
// a text, so the index is much smaller) and a search does not require them. Short lists on
// purpose: only words that carry no meaning in a listing.
import { fold } from './fold.ts';

const WORDS: Readonly<Record<string, string>> = {
  en: 'a an and are as at be been but by for from has have in into is it its of on or our that the their them these they this those to was we were which who will with within',
  fr: 'au aux avec ce ces cet cette dans de des du elle elles en est et il ils la le les leur leurs lui mais ne nous on ou par pas pour qu que qui sa se ses son sont sur un une vos votre nos notre été être d l n s c j qu',
  it: 'a ad agli ai al alla alle allo anche che chi con da dal dalla dalle dei del della delle dello di e ed gli ha hanno i il in la le lo loro ma nei nel nella nelle non o per più si sono su sua sue suo suoi sul sulla tra un una uno è l d',
  de: 'am an auf aus bei das dass dem den der des die ein eine einem einen einer eines es für hat im in ist mit nach nicht oder sich sie sind und vom von vor wie wir zu zum zur über',
  nl: 'aan als bij dat de den der die dit door een en er het hij in is met naar niet of om onder ook op te tot uit van voor was wat werd wie wij zijn zij zo',
  el: 'αι από για δε δεν η θα και κατά με μη να ο οι σε στα στη στην στις στο στον στους τα την της τη τις το τον του τους των ως ένα μια ενός μιας είναι που',
  bg: 'а в во да за и из или им как като към на над не но от по при с със са се си то тя те той че é е ще',
  sl: 'a ali da do in iz je k ki ko na ne o od pa po pri s so se v z za tudi bi bo so',
  ar: 'و في من على إلى الى عن مع أو او أن ان هذا هذه ذلك التي الذي التي هو هي كان كانت ما لا قد ثم كل بين',
};

const FOLDED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(WORDS).map(([lang, words]) => [lang, new Set(words.split(/\s+/).filter(Boolean).map(fold))]),
);

/** Whether a folded word is a function word of a language (any language when none is given). */
export function isStopword(folded: string, language?: string): boolean {
  if (language !== undefined) return FOLDED.get(language)?.has(folded) ?? false;
  for (const set of FOLDED.values()) if (set.has(folded)) return true;
  return false;
}

export function isStopwordIn(folded: string, languages: readonly string[]): boolean {
  return languages.some((l) => FOLDED.get(l)?.has(folded));
}
