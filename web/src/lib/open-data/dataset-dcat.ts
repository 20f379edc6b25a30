// The dataset description (/export/dataset.jsonld) for EU open-data portals: a DCAT-AP 3
// dcat:Dataset in JSON-LD with one dcat:Distribution per export format. DCAT-AP's mandatory
// properties (dataset: dct:title, dct:description; distribution: dcat:accessURL; agent:
// foaf:name) are always there; the recommended ones we can fill truthfully are too (publisher,
// licence, languages and spatial from the EU vocabularies, modified, landing page, formats).
// Hand-written: DCAT-AP is a fixed shape of a dozen properties, no library is needed to write it.
import type { ExportMeta } from './open-data-types.ts';

const EU = 'http://publications.europa.eu/resource/authority';

/** The EU language authority's codes of the site's languages (ISO 639-2/B as it writes them). */
const LANGUAGE_AUTHORITY: Readonly<Record<string, string>> = {
  fr: 'FRA',
  en: 'ENG',
  it: 'ITA',
  el: 'ELL',
  bg: 'BUL',
  sl: 'SLV',
  ar: 'ARA',
  nl: 'NLD',
  de: 'DEU',
  es: 'SPA',
  pt: 'POR',
};

/** ISO 3166 alpha-2 → the EU country authority's alpha-3 codes, for the European countries. */
const COUNTRY_AUTHORITY: Readonly<Record<string, string>> = {
  AT: 'AUT',
  BE: 'BEL',
  BG: 'BGR',
  HR: 'HRV',
  CY: 'CYP',
  CZ: 'CZE',
  DK: 'DNK',
  EE: 'EST',
  FI: 'FIN',
  FR: 'FRA',
  DE: 'DEU',
  GR: 'GRC',
  HU: 'HUN',
  IE: 'IRL',
  IT: 'ITA',
  LV: 'LVA',
  LT: 'LTU',
  LU: 'LUX',
  MT: 'MLT',
  NL: 'NLD',
  PL: 'POL',
  PT: 'PRT',
  RO: 'ROU',
  SK: 'SVK',
  SI: 'SVN',
  ES: 'ESP',
  SE: 'SWE',
  IS: 'ISL',
  LI: 'LIE',
  NO: 'NOR',
  CH: 'CHE',
  GB: 'GBR',
  AL: 'ALB',
  BA: 'BIH',
  ME: 'MNE',
  MK: 'MKD',
  RS: 'SRB',
};

export interface DistributionLink {
  /** Absolute address of the file. */
  url: string;
  /** IANA media type. */
  mediaType: string;
  /** The EU file-type authority's code (CSV, GEOJSON, JSON_LD, ATOM). */
  format: string;
  title: string;
}

export interface DatasetTexts {
  title: string;
  description: string;
  /** The page a person reads the data on (the search page of the same search). */
  landingPage: string;
  /** The language the texts are written in (the reader's). */
  lang: string;
}

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** The newest of some ISO instants (the data's dct:modified); the export's own time when none. */
export function newestOf(instants: readonly string[], fallback: string): string {
  return instants.reduce((newest, at) => (at > newest ? at : newest), instants[0] ?? fallback);
}

export function datasetDcat(meta: ExportMeta, texts: DatasetTexts, distributions: readonly DistributionLink[], modified: string) {
  const licence = meta.licence ? { 'dct:license': { '@id': meta.licence.url } } : {};
  const text = (value: string) => ({ '@value': value, '@language': texts.lang });
  const languages = meta.node.defaultLanguages.map((l) => LANGUAGE_AUTHORITY[l.code]).filter((code) => code !== undefined);
  const country = COUNTRY_AUTHORITY[meta.node.country.code];
  return {
    '@context': DCAT_CONTEXT,
    '@id': meta.self,
    '@type': 'dcat:Dataset',
    'dct:identifier': meta.self,
    'dct:title': text(texts.title),
    'dct:description': text(texts.description),
    'dct:publisher': {
      '@id': meta.node.url ?? meta.origin,
      '@type': 'foaf:Agent',
      'foaf:name': meta.node.name.text,
    },
    ...licence,
    'dct:language': languages.map((code) => ({ '@id': `${EU}/language/${code}` })),
    ...(country ? { 'dct:spatial': { '@id': `${EU}/country/${country}` } } : {}),
    'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
    'dcat:landingPage': { '@id': texts.landingPage },
    'dcat:distribution': distributions.map((d) => ({
      '@id': d.url,
      '@type': 'dcat:Distribution',
      'dct:title': text(d.title),
      'dcat:accessURL': { '@id': d.url },
      'dcat:downloadURL': { '@id': d.url },
      'dcat:mediaType': { '@id': `http://www.iana.org/assignments/media-types/${d.mediaType}` },
      'dct:format': { '@id': `${EU}/file-type/${d.format}` },
      ...licence,
    })),
  };
}
