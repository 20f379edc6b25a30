// Labels of facet values in the reader's language: taxonomy labels for codes, city names for
// nodes, country and language names from ICU, and the few words of the two fixed facets.
import { chooseText, countryName, languageName } from '../../records/language.ts';
import type { FacetName } from '../../search/facets.ts';
import type { TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import type { GraphQLContext } from '../context.ts';
import { wantedLanguages, type Reader } from '../reader.ts';

const TAXONOMY: Partial<Record<FacetName, TaxonomyId[]>> = {
  sector: ['sector'],
  practiceType: ['practice-type'],
  legalForm: ['legal-form', 'national-legal-form'],
  need: ['need'],
  reservedArticle: ['reserved-contract-basis'],
  reservedBasis: ['reserved-contract-basis'],
  teamSize: ['team-size-band'],
};

const FIXED: Record<string, Readonly<Record<string, string>>> = {
  'kind:INITIATIVE': {
    en: 'Initiative',
    fr: 'Initiative',
    it: 'Iniziativa',
    el: 'Πρωτοβουλία',
    bg: 'Инициатива',
    sl: 'Pobuda',
    ar: 'مبادرة',
    nl: 'Initiatief',
    de: 'Initiative',
  },
  'kind:GOOD_PRACTICE': {
    en: 'Good practice',
    fr: 'Bonne pratique',
    it: 'Buona pratica',
    el: 'Καλή πρακτική',
    bg: 'Добра практика',
    sl: 'Dobra praksa',
    ar: 'ممارسة جيدة',
    nl: 'Goede praktijk',
    de: 'Gute Praxis',
  },
  'migrantLed:true': {
    en: 'Migrant-led',
    fr: 'Portée par des personnes migrantes',
    it: 'Guidata da migranti',
    el: 'Με ηγεσία μεταναστών',
    bg: 'Ръководена от мигранти',
    sl: 'Vodijo jo migranti',
    ar: 'يقودها مهاجرون',
    nl: 'Geleid door migranten',
    de: 'Von Migrant:innen geführt',
  },
  'migrantLed:false': {
    en: 'Not declared migrant-led',
    fr: 'Non déclarée portée par des personnes migrantes',
    it: 'Non dichiarata guidata da migranti',
    el: 'Χωρίς δήλωση ηγεσίας μεταναστών',
    bg: 'Без декларирано ръководство от мигранти',
    sl: 'Brez izjave, da jo vodijo migranti',
    ar: 'غير مُعلنة كمبادرة يقودها مهاجرون',
    nl: 'Niet verklaard als geleid door migranten',
    de: 'Nicht als migrantisch geführt angegeben',
  },
};

/** Synchronous on purpose: a page shows a hundred values, and a promise per label costs more than the label. */
export function facetLabel(ctx: GraphQLContext, facet: FacetName, value: string, reader: Reader): string {
  const languages = [...wantedLanguages(reader), 'en'];
  const fixed = FIXED[`${facet}:${value}`];
  if (fixed) return chooseText(fixed, languages)?.text ?? value;
  for (const taxonomy of TAXONOMY[facet] ?? []) {
    const concept = ctx.services.catalog.concept(taxonomy, value);
    if (concept) return chooseText(concept.labels, languages)?.text ?? value;
  }
  const first = languages[0]!;
  if (facet === 'country') return (/^[A-Z]{2}$/.test(value) && countryName(value, first)) || value;
  if (facet === 'languageOffered') return languageName(value, first);
  if (facet === 'node') {
    const names = ctx.services.search.cityNames(value);
    return (names && chooseText(names, languages)?.text) ?? value;
  }
  return value;
}
