// TypeScript shapes of the records, matching schemas/records/*.schema.json (the JSON Schemas are
// the source of truth and validate every write; these types only help the code read them).
import type { LanguageMap } from './language.ts';
import type { TranslationSources } from '../translations/translatable-texts.ts';

/** What a source document is (schemas/records/common.schema.json#/$defs/sourceKind). */
export type SourceKind = 'proceedings' | 'leaflet' | 'guide' | 'web-page' | 'report' | 'article' | 'document';

export interface SourceReference {
  /** The item's stable id in its list, given by the registry (ADR 0053); absent on items stored before ids. */
  id?: string;
  title: string;
  publisher?: string;
  kind?: SourceKind;
  file?: string;
  url?: string;
  date?: string;
  note?: string;
  /** The note in several languages, when translated. */
  notes?: LanguageMap;
}
export interface Link {
  /** The item's stable id in its list, given by the registry (ADR 0053); absent on items stored before ids. */
  id?: string;
  url: string;
  label?: LanguageMap;
}
export interface KeyFigure {
  /** The item's stable id in its list, given by the registry (ADR 0053); absent on items stored before ids. */
  id?: string;
  value: number;
  description: LanguageMap;
  year?: number;
  source?: string;
}
export interface GeoPoint {
  lat: number;
  lon: number;
}
export type Visibility = 'public' | 'signed-in' | 'private';
export type LocationPrecision = 'address' | 'neighbourhood' | 'city';

/** One ground for reserved contracts (taxonomy reserved-contract-basis) and its proof. */
export interface EligibilityEntry {
  /** The item's stable id in its list, given by the registry (ADR 0053); absent on items stored before ids. */
  id?: string;
  basis: string;
  evidence?: LanguageMap;
  evidenceUrl?: string;
  /** YYYY-MM-DD. */
  evidenceDate: string;
}
/** Where an initiative can deliver: the shape of a market record's area. */
export interface DeliveryArea {
  country: string;
  region?: string;
  locality?: string;
  centre?: GeoPoint;
  radiusKm?: number;
}
/** A contract the initiative delivered; the buyer is an organisation. */
export interface PastContract {
  /** The item's stable id in its list, given by the registry (ADR 0053); absent on items stored before ids. */
  id?: string;
  buyer: string;
  year: number;
  title: LanguageMap;
  publicBuyer?: boolean;
  reserved?: boolean;
}

export interface InitiativeRecord {
  handle: string;
  name: LanguageMap;
  alternateNames?: string[];
  summary: LanguageMap;
  description?: LanguageMap;
  mission?: LanguageMap;
  originalLanguage: string;
  /** What each translated text was made from (ADR 0041); kept by the registry, never sent by a client. */
  translationSources?: TranslationSources;
  legalForm: string;
  nationalLegalForm?: string;
  organisationalStructure?: string;
  primarySector: string;
  additionalSectors?: string[];
  activities?: string[];
  qualifiers?: string[];
  governancePrinciples?: string[];
  baseMembershipType?: string;
  migrantLed?: { declared: boolean; consentToPublish: boolean; governance?: LanguageMap };
  languagesOffered?: string[];
  location: {
    locality: string;
    country: string;
    region?: string;
    neighbourhood?: string;
    streetAddress?: string;
    postalCode?: string;
    precision: LocationPrecision;
    geo?: GeoPoint;
  };
  areaServed?: LanguageMap;
  contact?: { email?: string; phone?: string; relay?: boolean; visibility?: { email?: Visibility; phone?: Visibility } };
  website?: string;
  links?: Link[];
  status?: 'emerging' | 'active' | 'dormant' | 'closed';
  startDate?: string;
  services?: Array<{
    id?: string;
    name: LanguageMap;
    description?: LanguageMap;
    languages?: string[];
    interpretationServices?: LanguageMap;
    applicationProcess?: LanguageMap;
    feesDescription?: LanguageMap;
    eligibilityDescription?: LanguageMap;
    serviceAreas?: LanguageMap;
    accessibility?: LanguageMap;
  }>;
  needs?: Array<{ id?: string; type: string; description?: LanguageMap }>;
  /** Grounds for reserved public contracts, with their proof (ADR 0035). */
  eligibility?: EligibilityEntry[];
  deliveryArea?: DeliveryArea;
  /** Code of taxonomy team-size-band. */
  teamSize?: string;
  pastContracts?: PastContract[];
  keyFigures?: KeyFigure[];
  practices?: string[];
  partOf?: string;
  supportedBy?: string[];
  node: string;
  sources?: SourceReference[];
}

export interface GoodPracticeRecord {
  handle: string;
  practiceType: string;
  title: LanguageMap;
  summary: LanguageMap;
  context?: LanguageMap;
  objectives?: LanguageMap;
  howItWorks?: LanguageMap;
  targetGroup?: LanguageMap;
  location: { locality: string; country: string; region?: string; geo?: GeoPoint };
  period?: { startDate?: string; endDate?: string; regularService?: boolean };
  actors?: Array<{ id?: string; name: string; role: string; description?: LanguageMap; url?: string }>;
  funding?: LanguageMap;
  results?: LanguageMap;
  evaluation?: LanguageMap;
  transferability?: LanguageMap;
  initiatives?: string[];
  originalLanguage: string;
  /** What each translated text was made from (ADR 0041); kept by the registry, never sent by a client. */
  translationSources?: TranslationSources;
  node: string;
  sources?: SourceReference[];
}

export interface CityNodeRecord {
  handle: string;
  name: LanguageMap;
  summary?: LanguageMap;
  locality: string;
  localityNames?: LanguageMap;
  country: string;
  region?: string;
  geo?: GeoPoint;
  operators?: Array<{ name: string; role: string; url?: string }>;
  /** The organisation's functional contact, never a person's. */
  contact?: { email?: string; address?: string };
  defaultLanguages: string[];
  inclusionCriteria?: LanguageMap;
  validatedBy?: LanguageMap;
  updateFrequency?: LanguageMap;
  dataLicence?: string;
  privacyPolicy?: LanguageMap;
  url?: string;
  status?: 'online' | 'planned';
  network?: string[];
  sources?: SourceReference[];
}
