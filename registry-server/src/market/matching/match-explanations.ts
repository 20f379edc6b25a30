// A match's reasons in words, server side, in the nine languages of the site ("same sector: Food;
// 4 km away; eligible for a contract reserved under Article 20"). Codes (sectors, needs, budget
// bands, eligibility bases) are named by their taxonomy labels in the reader's language, countries
// and languages by Intl.DisplayNames. An unknown language falls back to English.
import type { TaxonomyCatalog, TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import { BASIS_TAXONOMY } from './initiative-facts.ts';
import type { MatchReason, ReasonCode } from './market-match.ts';

export const EXPLANATION_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'] as const;
export type ExplanationLanguage = (typeof EXPLANATION_LANGUAGES)[number];

type Templates = Record<ReasonCode | 'reserved-eligible-national', string>;

/** {name} is replaced by the parameter, already in words. */
const TEMPLATES: Record<ExplanationLanguage, Templates> = {
  en: {
    'same-sector': 'same sector: {sector}',
    'cpv-sector': 'CPV {cpv} is in their sector: {sector}',
    'distance-km': '{km} km away',
    'same-locality': 'in {locality}',
    'same-country': 'in the same country ({country})',
    'delivers-here': 'works in this area',
    language: 'works in {language}',
    'reserved-eligible': 'eligible for a contract reserved under Article {article}',
    'reserved-eligible-national': 'eligible for a reserved contract ({basis})',
    capacity: 'a team of {teamSize} people, enough for {budgetBand}',
    'need-offer-kind': 'what is needed is offered: {kind}',
    'needs-offered': 'needs what is offered: {kind}',
    'sent-by-moderator': 'sent by a moderator',
  },
  fr: {
    'same-sector': 'même secteur : {sector}',
    'cpv-sector': 'le code CPV {cpv} relève de son secteur : {sector}',
    'distance-km': 'à {km} km',
    'same-locality': 'à {locality}',
    'same-country': 'dans le même pays ({country})',
    'delivers-here': 'intervient dans cette zone',
    language: 'travaille en {language}',
    'reserved-eligible': "éligible à un marché réservé au titre de l'article {article}",
    'reserved-eligible-national': 'éligible à un marché réservé ({basis})',
    capacity: 'une équipe de {teamSize} personnes, suffisante pour {budgetBand}',
    'need-offer-kind': 'ce qui est demandé est proposé : {kind}',
    'needs-offered': 'a besoin de ce qui est proposé : {kind}',
    'sent-by-moderator': 'envoyé par un modérateur',
  },
  it: {
    'same-sector': 'stesso settore: {sector}',
    'cpv-sector': 'il codice CPV {cpv} rientra nel suo settore: {sector}',
    'distance-km': 'a {km} km',
    'same-locality': 'a {locality}',
    'same-country': 'nello stesso paese ({country})',
    'delivers-here': 'opera in questa zona',
    language: 'lavora in {language}',
    'reserved-eligible': "ammissibile a un appalto riservato ai sensi dell'articolo {article}",
    'reserved-eligible-national': 'ammissibile a un appalto riservato ({basis})',
    capacity: 'una squadra di {teamSize} persone, sufficiente per {budgetBand}',
    'need-offer-kind': 'ciò di cui c’è bisogno è offerto: {kind}',
    'needs-offered': 'ha bisogno di ciò che è offerto: {kind}',
    'sent-by-moderator': 'inviato da un moderatore',
  },
  el: {
    'same-sector': 'ίδιος τομέας: {sector}',
    'cpv-sector': 'ο κωδικός CPV {cpv} ανήκει στον τομέα της: {sector}',
    'distance-km': 'σε απόσταση {km} χλμ.',
    'same-locality': 'στην πόλη {locality}',
    'same-country': 'στην ίδια χώρα ({country})',
    'delivers-here': 'δραστηριοποιείται σε αυτή την περιοχή',
    language: 'εργάζεται στα {language}',
    'reserved-eligible': 'επιλέξιμη για σύμβαση που προορίζεται βάσει του άρθρου {article}',
    'reserved-eligible-national': 'επιλέξιμη για σύμβαση που προορίζεται ({basis})',
    capacity: 'ομάδα {teamSize} ατόμων, επαρκής για {budgetBand}',
    'need-offer-kind': 'αυτό που χρειάζεται προσφέρεται: {kind}',
    'needs-offered': 'χρειάζεται αυτό που προσφέρεται: {kind}',
    'sent-by-moderator': 'στάλθηκε από συντονιστή',
  },
  bg: {
    'same-sector': 'същият сектор: {sector}',
    'cpv-sector': 'кодът по CPV {cpv} е в нейния сектор: {sector}',
    'distance-km': 'на {km} км',
    'same-locality': 'в {locality}',
    'same-country': 'в същата държава ({country})',
    'delivers-here': 'работи в този район',
    language: 'работи на {language}',
    'reserved-eligible': 'допустима за запазена поръчка по член {article}',
    'reserved-eligible-national': 'допустима за запазена поръчка ({basis})',
    capacity: 'екип от {teamSize} души, достатъчен за {budgetBand}',
    'need-offer-kind': 'това, от което има нужда, се предлага: {kind}',
    'needs-offered': 'има нужда от това, което се предлага: {kind}',
    'sent-by-moderator': 'изпратено от модератор',
  },
  sl: {
    'same-sector': 'isti sektor: {sector}',
    'cpv-sector': 'koda CPV {cpv} spada v njen sektor: {sector}',
    'distance-km': '{km} km stran',
    'same-locality': 'v kraju {locality}',
    'same-country': 'v isti državi ({country})',
    'delivers-here': 'deluje na tem območju',
    language: 'dela v jeziku: {language}',
    'reserved-eligible': 'upravičena do pridržanega naročila po členu {article}',
    'reserved-eligible-national': 'upravičena do pridržanega naročila ({basis})',
    capacity: 'ekipa s {teamSize} osebami, dovolj za {budgetBand}',
    'need-offer-kind': 'kar je potrebno, je na voljo: {kind}',
    'needs-offered': 'potrebuje, kar je na voljo: {kind}',
    'sent-by-moderator': 'poslal moderator',
  },
  ar: {
    'same-sector': 'القطاع نفسه: {sector}',
    'cpv-sector': 'رمز CPV {cpv} ضمن قطاعها: {sector}',
    'distance-km': 'على بعد {km} كم',
    'same-locality': 'في {locality}',
    'same-country': 'في البلد نفسه ({country})',
    'delivers-here': 'تعمل في هذه المنطقة',
    language: 'تعمل باللغة {language}',
    'reserved-eligible': 'مؤهلة لعقد محجوز بموجب المادة {article}',
    'reserved-eligible-national': 'مؤهلة لعقد محجوز ({basis})',
    capacity: 'فريق من {teamSize} أشخاص، يكفي لـ {budgetBand}',
    'need-offer-kind': 'ما هو مطلوب معروض: {kind}',
    'needs-offered': 'تحتاج إلى ما هو معروض: {kind}',
    'sent-by-moderator': 'أرسله مشرف',
  },
  nl: {
    'same-sector': 'zelfde sector: {sector}',
    'cpv-sector': 'CPV-code {cpv} valt onder haar sector: {sector}',
    'distance-km': 'op {km} km',
    'same-locality': 'in {locality}',
    'same-country': 'in hetzelfde land ({country})',
    'delivers-here': 'is actief in dit gebied',
    language: 'werkt in het {language}',
    'reserved-eligible': 'komt in aanmerking voor een opdracht voorbehouden op grond van artikel {article}',
    'reserved-eligible-national': 'komt in aanmerking voor een voorbehouden opdracht ({basis})',
    capacity: 'een team van {teamSize} mensen, genoeg voor {budgetBand}',
    'need-offer-kind': 'wat nodig is, wordt aangeboden: {kind}',
    'needs-offered': 'heeft nodig wat wordt aangeboden: {kind}',
    'sent-by-moderator': 'verstuurd door een moderator',
  },
  de: {
    'same-sector': 'gleicher Bereich: {sector}',
    'cpv-sector': 'CPV-Code {cpv} gehört zu ihrem Bereich: {sector}',
    'distance-km': '{km} km entfernt',
    'same-locality': 'in {locality}',
    'same-country': 'im selben Land ({country})',
    'delivers-here': 'ist in diesem Gebiet tätig',
    language: 'arbeitet auf {language}',
    'reserved-eligible': 'geeignet für einen nach Artikel {article} vorbehaltenen Auftrag',
    'reserved-eligible-national': 'geeignet für einen vorbehaltenen Auftrag ({basis})',
    capacity: 'ein Team von {teamSize} Personen, ausreichend für {budgetBand}',
    'need-offer-kind': 'was gebraucht wird, wird angeboten: {kind}',
    'needs-offered': 'braucht, was angeboten wird: {kind}',
    'sent-by-moderator': 'von einer Moderatorin oder einem Moderator gesendet',
  },
};

const SEPARATOR: Record<ExplanationLanguage, string> = {
  fr: ' ; ',
  en: '; ',
  it: '; ',
  el: '· ',
  bg: '; ',
  sl: '; ',
  ar: '؛ ',
  nl: '; ',
  de: '; ',
};

/** The language used for `lang`: its primary subtag when it is one of the nine, else English. */
export function explanationLanguage(lang: string | null | undefined): ExplanationLanguage {
  const primary = (lang ?? '').toLowerCase().split('-')[0] as ExplanationLanguage;
  return EXPLANATION_LANGUAGES.includes(primary) ? primary : 'en';
}

export class MatchExplainer {
  readonly #catalog: TaxonomyCatalog;

  constructor(catalog: TaxonomyCatalog) {
    this.#catalog = catalog;
  }

  /** One reason in words. */
  reason(reason: MatchReason, lang: string | null | undefined): string {
    const language = explanationLanguage(lang);
    const p = reason.params;
    const national = reason.code === 'reserved-eligible' && !p.article;
    const template = TEMPLATES[language][national ? 'reserved-eligible-national' : reason.code];
    const words: Record<string, string> = {
      sector: this.#label('sector', p.sector, language),
      kind: this.#label('need', p.kind, language),
      budgetBand: this.#label('budget-band', p.budgetBand, language),
      basis: this.#label(BASIS_TAXONOMY, p.basis, language),
      country: displayName('region', p.country, language),
      language: displayName('language', p.language, language),
      km: p.km === undefined ? '' : new Intl.NumberFormat(language).format(Number(p.km)),
      cpv: String(p.cpv ?? ''),
      locality: String(p.locality ?? ''),
      teamSize: String(p.teamSize ?? ''),
      article: String(p.article ?? ''),
    };
    return template.replace(/\{(\w+)\}/g, (_, name: string) => words[name] ?? '');
  }

  /** Every reason of a match in words, joined as one sentence. */
  explain(reasons: readonly MatchReason[], lang: string | null | undefined): string {
    const language = explanationLanguage(lang);
    return reasons.map((r) => this.reason(r, language)).join(SEPARATOR[language]);
  }

  #label(taxonomy: string, code: string | number | undefined, language: string): string {
    if (code === undefined) return '';
    const concept = this.#catalog.get(taxonomy as TaxonomyId)?.concepts.find((c) => c.code === String(code));
    return concept?.labels[language] ?? concept?.labels.en ?? String(code);
  }
}

function displayName(type: 'region' | 'language', code: string | number | undefined, language: string): string {
  if (code === undefined) return '';
  try {
    return new Intl.DisplayNames([language], { type }).of(String(code)) ?? String(code);
  } catch {
    // A code Intl does not know (it throws on malformed tags): say the code itself.
    return String(code);
  }
}
