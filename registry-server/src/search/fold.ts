// Folding: the form every indexed and searched term is compared in. Lower case, no accents or
// other combining marks (so "Interprétariat" = "interpretariat", "ΔΙΕΡΜΗΝΕΊΑ" = "διερμηνεια"),
// compatibility forms resolved (ligatures, full-width letters), Greek final sigma, German ß,
// and the light Arabic normalisation search engines use (alef forms, teh marbuta, alef maksura,
// tatweel, Arabic-Indic digits). Called once per distinct token, never on whole texts.

const ARABIC: Readonly<Record<string, string>> = { ة: 'ه', ى: 'ي', ٱ: 'ا', ـ: '' };

export function fold(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/ß/g, 'ss')
    .replace(/[ةىٱـ]/g, (c) => ARABIC[c]!)
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - 0x6f0));
}

/** Arabic article and proclitic forms a light stemmer strips (used for query fallbacks only). */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

export function stripArabicArticle(folded: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (folded.startsWith(prefix) && folded.length - prefix.length >= 3) return folded.slice(prefix.length);
  }
  return folded;
}
