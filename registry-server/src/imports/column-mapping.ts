// Which record field each column of an imported table fills. The proposal reads the headers:
// the field's name in the nine languages of the site (and the usual English and Murmurations
// spellings), with an optional language suffix for texts ("name (fr)", "summary_en", "nom [ar]").
// The admin can change every choice; the mapping is then remembered per source (import-source-repository.ts).
import { isLanguageTag } from '../records/language.ts';

/** The fields a column can fill. Texts (TEXT_FIELDS) take a language; the others do not. */
export const IMPORT_FIELDS = [
  'key',
  'handle',
  'name',
  'alternateNames',
  'summary',
  'description',
  'mission',
  'originalLanguage',
  'locality',
  'country',
  'region',
  'neighbourhood',
  'streetAddress',
  'postalCode',
  'precision',
  'latitude',
  'longitude',
  'website',
  'email',
  'phone',
  'primarySector',
  'additionalSectors',
  'activities',
  'qualifiers',
  'legalForm',
  'nationalLegalForm',
  'organisationalStructure',
  'languagesOffered',
  'status',
  'startDate',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields that hold a text in one language per column (a language map in the record). */
export const TEXT_FIELDS: ReadonlySet<ImportField> = new Set(['name', 'summary', 'description', 'mission']);

export interface ColumnChoice {
  /** The column's position in the table (0-based). */
  column: number;
  /** The field it fills; null: the column is not imported. */
  field: ImportField | null;
  /** For a text field: the language of this column's texts; absent: the import's language. */
  language?: string;
}

/**
 * Header words per field, normalised (lower case, no accents, separators as spaces): English,
 * French, Italian, Greek, Bulgarian, Slovenian, Arabic, Dutch, German, and Murmurations' names.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  key: [
    'key',
    'id',
    'identifier',
    'ref',
    'reference',
    'row key',
    'identifiant',
    'cle',
    'codice',
    'identificativo',
    'sleutel',
    'schlussel',
    'kennung',
    'κωδικος',
    'αναγνωριστικο',
    'идентификатор',
    'kljuc',
    'oznaka',
    'معرف',
  ],
  handle: ['handle', 'slug', 'umn handle'],
  name: [
    'name',
    'nom',
    'nome',
    'naam',
    'ονομα',
    'име',
    'ime',
    'naziv',
    'الاسم',
    'اسم',
    'organisation',
    'organization',
    'organisme',
    'initiative',
    'organizzazione',
    'organisatie',
    'organisation name',
    'organization name',
  ],
  alternateNames: [
    'alternate names',
    'other names',
    'also known as',
    'acronym',
    'autres noms',
    'sigle',
    'altri nomi',
    'andere namen',
    'alias',
  ],
  summary: [
    'summary',
    'resume',
    'short description',
    'description courte',
    'sintesi',
    'riassunto',
    'samenvatting',
    'zusammenfassung',
    'kurzbeschreibung',
    'περιληψη',
    'резюме',
    'povzetek',
    'ملخص',
  ],
  description: ['description', 'descrizione', 'beschrijving', 'beschreibung', 'περιγραφη', 'описание', 'opis', 'وصف', 'long description'],
  mission: ['mission', 'missione', 'missie', 'αποστολη', 'мисия', 'poslanstvo', 'مهمة', 'rolle', 'auftrag'],
  originalLanguage: [
    'language',
    'original language',
    'langue',
    'lingua',
    'taal',
    'sprache',
    'γλωσσα',
    'език',
    'jezik',
    'لغة',
    'in language',
  ],
  locality: [
    'city',
    'locality',
    'town',
    'ville',
    'commune',
    'localite',
    'citta',
    'comune',
    'localita',
    'stad',
    'gemeente',
    'plaats',
    'stadt',
    'ort',
    'gemeinde',
    'πολη',
    'δημος',
    'град',
    'населено място',
    'mesto',
    'kraj',
    'občina',
    'obcina',
    'مدينة',
  ],
  country: [
    'country',
    'country code',
    'country iso 3166',
    'pays',
    'paese',
    'nazione',
    'land',
    'χωρα',
    'държава',
    'strana',
    'drzava',
    'بلد',
    'الدولة',
  ],
  region: ['region', 'province', 'regione', 'provincia', 'provincie', 'bundesland', 'περιφερεια', 'област', 'regija', 'منطقة'],
  neighbourhood: [
    'neighbourhood',
    'neighborhood',
    'district',
    'quartier',
    'quartiere',
    'wijk',
    'viertel',
    'stadtteil',
    'γειτονια',
    'квартал',
    'soseska',
    'حي',
  ],
  streetAddress: [
    'address',
    'street address',
    'street',
    'adresse',
    'rue',
    'indirizzo',
    'via',
    'adres',
    'straat',
    'strasse',
    'διευθυνση',
    'адрес',
    'naslov',
    'ulica',
    'عنوان',
    'full address',
  ],
  postalCode: [
    'postal code',
    'postcode',
    'zip',
    'zip code',
    'code postal',
    'cap',
    'postleitzahl',
    'plz',
    'ταχυδρομικος κωδικας',
    'пощенски код',
    'postna stevilka',
    'الرمز البريدي',
  ],
  precision: ['precision', 'location precision', 'precision du lieu', 'precisione'],
  latitude: [
    'latitude',
    'lat',
    'latitudine',
    'breedtegraad',
    'breitengrad',
    'breite',
    'γεωγραφικο πλατος',
    'географска ширина',
    'zemljepisna sirina',
    'خط العرض',
    'geolocation lat',
  ],
  longitude: [
    'longitude',
    'lon',
    'lng',
    'long',
    'longitudine',
    'lengtegraad',
    'langengrad',
    'lange',
    'γεωγραφικο μηκος',
    'географска дължина',
    'zemljepisna dolzina',
    'خط الطول',
    'geolocation lon',
  ],
  website: [
    'website',
    'web site',
    'site',
    'site web',
    'site internet',
    'url',
    'web',
    'homepage',
    'sito',
    'sito web',
    'sito internet',
    'webpagina',
    'webseite',
    'internetseite',
    'ιστοσελιδα',
    'ιστοτοπος',
    'уебсайт',
    'сайт',
    'spletna stran',
    'splet',
    'الموقع',
    'موقع',
    'primary url',
  ],
  email: [
    'email',
    'e mail',
    'mail',
    'courriel',
    'adresse email',
    'posta elettronica',
    'e mailadres',
    'e mail adresse',
    'ηλεκτρονικο ταχυδρομειο',
    'имейл',
    'e posta',
    'البريد الإلكتروني',
    'contact email',
  ],
  phone: ['phone', 'telephone', 'tel', 'telefono', 'telefoon', 'telefon', 'τηλεφωνο', 'телефон', 'هاتف'],
  primarySector: [
    'sector',
    'primary sector',
    'secteur',
    'secteur principal',
    'settore',
    'sector principal',
    'sektor',
    'branche',
    'τομεας',
    'сектор',
    'قطاع',
  ],
  additionalSectors: [
    'additional sectors',
    'other sectors',
    'autres secteurs',
    'secteurs secondaires',
    'altri settori',
    'andere sectoren',
    'weitere sektoren',
  ],
  activities: ['activities', 'activites', 'attivita', 'activiteiten', 'aktivitaten', 'δραστηριοτητες', 'дейности', 'dejavnosti', 'أنشطة'],
  qualifiers: ['qualifiers', 'qualificatifs', 'qualificatori', 'kwalificaties', 'merkmale'],
  legalForm: [
    'legal form',
    'forme juridique',
    'statut juridique',
    'forma giuridica',
    'rechtsvorm',
    'rechtsform',
    'νομικη μορφη',
    'правна форма',
    'pravna oblika',
    'الشكل القانوني',
  ],
  nationalLegalForm: ['national legal form', 'forme juridique nationale', 'forma giuridica nazionale'],
  organisationalStructure: [
    'organisational structure',
    'organizational structure',
    'structure',
    'structure organisationnelle',
    'struttura organizzativa',
  ],
  languagesOffered: [
    'languages',
    'languages offered',
    'langues',
    'langues parlees',
    'lingue',
    'talen',
    'sprachen',
    'γλωσσες',
    'езици',
    'jeziki',
    'لغات',
    'knows language',
  ],
  status: ['status', 'statut', 'stato', 'κατασταση', 'статус', 'stanje', 'الحالة'],
  startDate: [
    'start date',
    'founded',
    'founding date',
    'date de creation',
    'creation',
    'annee de creation',
    'data di inizio',
    'anno di fondazione',
    'oprichting',
    'grundungsdatum',
    'gegrundet',
    'ημερομηνια ιδρυσης',
    'дата на създаване',
    'datum ustanovitve',
    'تاريخ التأسيس',
    'starts at',
  ],
};

const BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((word) => [normaliseHeader(word), field] as const)),
);

/** A header as compared: lower case, accents and case folded, punctuation and separators as single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_.:\-–/]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The field and language one header names, if any. */
export function fieldOfHeader(header: string): { field: ImportField; language?: string } | null {
  // A language written after the field's name: "name (fr)", "name [fr]", "name_fr", "name.fr", "name - fr".
  const suffixed = /^(.*?)[\s_.\-([]+([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)[)\]]?\s*$/.exec(header.trim());
  if (suffixed) {
    const field = BY_HEADER.get(normaliseHeader(suffixed[1]!));
    const language = suffixed[2]!;
    if (field && TEXT_FIELDS.has(field) && isLanguageTag(language)) return { field, language: canonicalTag(language) };
  }
  const field = BY_HEADER.get(normaliseHeader(header));
  return field ? { field } : null;
}

/** The proposal for a table's headers: each column's field by its header, each field taken once (first column wins). */
export function proposeMapping(headers: readonly string[]): ColumnChoice[] {
  const taken = new Set<string>();
  return headers.map((header, column) => {
    const found = fieldOfHeader(header);
    const slot = found ? `${found.field}/${found.language ?? ''}` : '';
    if (!found || taken.has(slot)) return { column, field: null };
    taken.add(slot);
    return { column, field: found.field, ...(found.language ? { language: found.language } : {}) };
  });
}

/** Problems of a mapping the admin sent, by column: a field chosen twice, a text language that is no language. */
export function mappingProblems(
  mapping: readonly ColumnChoice[],
  columnCount: number,
): Array<{ field: string; code: string; message: string }> {
  const problems: Array<{ field: string; code: string; message: string }> = [];
  const seen = new Map<string, number>();
  for (const choice of mapping) {
    const where = `mapping.${choice.column}`;
    if (!Number.isInteger(choice.column) || choice.column < 0 || choice.column >= columnCount) {
      problems.push({ field: where, code: 'UNKNOWN_COLUMN', message: `the table has no column ${choice.column + 1}.` });
      continue;
    }
    if (!choice.field) continue;
    if (choice.language !== undefined && (!TEXT_FIELDS.has(choice.field) || !isLanguageTag(choice.language)))
      problems.push({
        field: where,
        code: 'INVALID_LANGUAGE_TAG',
        message: TEXT_FIELDS.has(choice.field)
          ? `"${choice.language}" is not a language tag (fr, en, ar …).`
          : `${choice.field} takes no language; only names and texts do.`,
      });
    const slot = `${choice.field}/${choice.language ?? ''}`;
    const before = seen.get(slot);
    if (before !== undefined)
      problems.push({
        field: where,
        code: 'CHOSEN_TWICE',
        message: `column ${before + 1} fills ${choice.field}${choice.language ? ` (${choice.language})` : ''} already; choose another field or "not imported".`,
      });
    else seen.set(slot, choice.column);
  }
  return problems;
}

function canonicalTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}
