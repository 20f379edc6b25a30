// The "Public contracts" form of an initiative (routes/account/initiatives/[slug]/eligibility),
// without SvelteKit: grounds for reserved contracts with their proofs, past contracts, the
// delivery area and the team size band (issue 15 point 3, ADR 0035). Texts (what proves a
// ground, what a contract delivered) are edited one language per page, like the figures form;
// each block posts the stored item it came from, so this language's text goes into it and the
// others stay as they were. The registry's one validation layer judges the rest.
import type { MessageKey } from '../../i18n/catalog.ts';
import { sameValue } from './same-value.ts';
import { languageMapToInput, withLanguage, type InitiativeRecord, type LanguageMap } from './initiative-changes.ts';
import { postedCount, postedStoredPosition } from './sources-form.ts';
import { keepItemId } from './item-id.ts';

/** The record's own limits (schemas/records/initiative.schema.json). */
export const MAX_GROUNDS = 10;
export const MAX_CONTRACTS = 20;

export interface StoredGround {
  basis: string;
  evidence?: LanguageMap;
  evidenceUrl?: string;
  evidenceDate: string;
}
export interface StoredContract {
  buyer: string;
  year: number;
  title: LanguageMap;
  publicBuyer?: boolean;
  reserved?: boolean;
}
export interface StoredArea {
  country: string;
  region?: string;
  locality?: string;
  centre?: { lat: number; lon: number };
  radiusKm?: number;
}
export type EligibilityRecord = InitiativeRecord & {
  eligibility?: readonly StoredGround[];
  pastContracts?: readonly StoredContract[];
  deliveryArea?: StoredArea;
  teamSize?: string;
};

export interface GroundBlock {
  from: number | null;
  basis: string;
  evidence: string;
  url: string;
  date: string;
}
export interface ContractBlock {
  from: number | null;
  buyer: string;
  year: string;
  title: string;
  publicBuyer: boolean;
  reserved: boolean;
}
export interface EligibilityForm {
  lang: string;
  grounds: GroundBlock[];
  contracts: ContractBlock[];
  country: string;
  region: string;
  locality: string;
  teamSize: string;
}

export type GroundPart = 'from' | 'basis' | 'evidence' | 'url' | 'date';
export type ContractPart = 'from' | 'buyer' | 'year' | 'title' | 'public' | 'reserved';
export const groundFieldId = (index: number, part: GroundPart) => `gr-${index}-${part}`;
export const contractFieldId = (index: number, part: ContractPart) => `pc-${index}-${part}`;
export const AREA_FIELDS = { country: 'elig-area-country', region: 'elig-area-region', locality: 'elig-area-locality' } as const;
export const TEAM_SIZE_FIELD = 'elig-team-size';
export const GROUNDS_HEADING = 'grounds-heading';
export const CONTRACTS_HEADING = 'contracts-heading';

export const emptyGroundBlock = (): GroundBlock => ({ from: null, basis: '', evidence: '', url: '', date: '' });
export const emptyContractBlock = (): ContractBlock => ({
  from: null,
  buyer: '',
  year: '',
  title: '',
  publicBuyer: false,
  reserved: false,
});

export function eligibilityFormFromRecord(record: EligibilityRecord, lang: string): EligibilityForm {
  return {
    lang,
    grounds: (record.eligibility ?? []).map((ground, index) => ({
      from: index,
      basis: ground.basis,
      evidence: ground.evidence?.[lang] ?? '',
      url: ground.evidenceUrl ?? '',
      date: ground.evidenceDate,
    })),
    contracts: (record.pastContracts ?? []).map((contract, index) => ({
      from: index,
      buyer: contract.buyer,
      year: String(contract.year),
      title: contract.title[lang] ?? '',
      publicBuyer: contract.publicBuyer ?? false,
      reserved: contract.reserved ?? false,
    })),
    country: record.deliveryArea?.country ?? '',
    region: record.deliveryArea?.region ?? '',
    locality: record.deliveryArea?.locality ?? '',
    teamSize: record.teamSize ?? '',
  };
}

export function readEligibilityForm(data: FormData, lang: string, record: EligibilityRecord): EligibilityForm {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const seenGrounds = new Set<number>();
  const seenContracts = new Set<number>();
  const grounds: GroundBlock[] = [];
  for (let i = 0; i < postedCount(data, 'grounds', MAX_GROUNDS); i++)
    grounds.push({
      from: postedStoredPosition(text(groundFieldId(i, 'from')), record.eligibility?.length ?? 0, seenGrounds),
      basis: text(groundFieldId(i, 'basis')),
      evidence: text(groundFieldId(i, 'evidence')),
      url: text(groundFieldId(i, 'url')),
      date: text(groundFieldId(i, 'date')),
    });
  const contracts: ContractBlock[] = [];
  for (let i = 0; i < postedCount(data, 'contracts', MAX_CONTRACTS); i++)
    contracts.push({
      from: postedStoredPosition(text(contractFieldId(i, 'from')), record.pastContracts?.length ?? 0, seenContracts),
      buyer: text(contractFieldId(i, 'buyer')),
      year: text(contractFieldId(i, 'year')),
      title: text(contractFieldId(i, 'title')),
      publicBuyer: data.get(contractFieldId(i, 'public')) === 'yes',
      reserved: data.get(contractFieldId(i, 'reserved')) === 'yes',
    });
  return {
    lang,
    grounds,
    contracts,
    country: text(AREA_FIELDS.country),
    region: text(AREA_FIELDS.region),
    locality: text(AREA_FIELDS.locality),
    teamSize: text(TEAM_SIZE_FIELD),
  };
}

export interface EligibilityChanges {
  changes: Record<string, unknown>;
  /** Problems found before asking the registry (a year that is not digits, a proof without its ground), by field id. */
  local: Record<string, MessageKey>;
  /** For each ground and contract sent, the form block it came from. */
  groundBlocks: number[];
  contractBlocks: number[];
}

const isEmptyGround = (b: GroundBlock) => b.from === null && !b.basis && !b.evidence && !b.url && !b.date;
const isEmptyContract = (b: ContractBlock) => b.from === null && !b.buyer && !b.year && !b.title && !b.publicBuyer && !b.reserved;

const storedGroundInput = (g: StoredGround) => ({
  ...keepItemId({}, g),
  basis: g.basis,
  ...(g.evidence ? { evidence: languageMapToInput(g.evidence) } : {}),
  ...(g.evidenceUrl ? { evidenceUrl: g.evidenceUrl } : {}),
  evidenceDate: g.evidenceDate,
});
const storedContractInput = (c: StoredContract) => ({
  ...keepItemId({}, c),
  buyer: c.buyer,
  year: c.year,
  title: languageMapToInput(c.title),
  publicBuyer: c.publicBuyer ?? false,
  reserved: c.reserved ?? false,
});

/** The changes the form asks for (only the fields that differ from the record); an empty list or area removes it (null). */
export function eligibilityChanges(record: EligibilityRecord, form: EligibilityForm): EligibilityChanges {
  const local: Record<string, MessageKey> = {};
  const groundBlocks: number[] = [];
  const grounds: Array<Record<string, unknown>> = [];
  form.grounds.forEach((block, index) => {
    if (isEmptyGround(block)) return;
    if (!block.basis) local[groundFieldId(index, 'basis')] = 'eligErrorBasis';
    const stored = block.from === null ? undefined : record.eligibility?.[block.from];
    const evidence = withLanguage(stored?.evidence, form.lang, block.evidence);
    groundBlocks.push(index);
    grounds.push({
      ...keepItemId({}, stored),
      basis: block.basis,
      ...(Object.keys(evidence).length ? { evidence: languageMapToInput(evidence) } : {}),
      ...(block.url ? { evidenceUrl: block.url } : {}),
      evidenceDate: block.date,
    });
  });
  const contractBlocks: number[] = [];
  const contracts: Array<Record<string, unknown>> = [];
  form.contracts.forEach((block, index) => {
    if (isEmptyContract(block)) return;
    if (!/^\d{4}$/.test(block.year)) local[contractFieldId(index, 'year')] = 'eligErrorYear';
    const stored = block.from === null ? undefined : record.pastContracts?.[block.from];
    contractBlocks.push(index);
    contracts.push({
      ...keepItemId({}, stored),
      buyer: block.buyer,
      year: Number(block.year) || 0,
      title: languageMapToInput(withLanguage(stored?.title, form.lang, block.title)),
      publicBuyer: block.publicBuyer,
      reserved: block.reserved,
    });
  });

  const changes: Record<string, unknown> = {};
  if (!sameValue((record.eligibility ?? []).map(storedGroundInput), grounds)) changes.eligibility = grounds.length ? grounds : null;
  if (!sameValue((record.pastContracts ?? []).map(storedContractInput), contracts))
    changes.pastContracts = contracts.length ? contracts : null;
  const area = record.deliveryArea;
  const nextArea = form.country
    ? {
        country: form.country,
        ...(form.region ? { region: form.region } : {}),
        ...(form.locality ? { locality: form.locality } : {}),
        // A centre and radius given through GraphQL are kept while the country stays (this form does not edit them).
        ...(area?.centre && area.country === form.country ? { centre: area.centre, radiusKm: area.radiusKm } : {}),
      }
    : null;
  if (!sameValue(area ?? null, nextArea)) changes.deliveryArea = nextArea;
  if ((record.teamSize ?? '') !== form.teamSize) changes.teamSize = form.teamSize || null;
  return { changes, local, groundBlocks, contractBlocks };
}

/** The registry's paths (eligibility.<sent>.evidenceDate …) → this form's field ids. */
export function eligibilityFieldIds(groundBlocks: readonly number[], contractBlocks: readonly number[]): Record<string, string> {
  const ids: Record<string, string> = {
    eligibility: GROUNDS_HEADING,
    pastContracts: CONTRACTS_HEADING,
    deliveryArea: AREA_FIELDS.country,
    'deliveryArea.country': AREA_FIELDS.country,
    'deliveryArea.region': AREA_FIELDS.region,
    'deliveryArea.locality': AREA_FIELDS.locality,
    teamSize: TEAM_SIZE_FIELD,
  };
  groundBlocks.forEach((block, sent) => {
    ids[`eligibility.${sent}`] = groundFieldId(block, 'basis');
    ids[`eligibility.${sent}.basis`] = groundFieldId(block, 'basis');
    ids[`eligibility.${sent}.evidence`] = groundFieldId(block, 'evidence');
    ids[`eligibility.${sent}.evidenceUrl`] = groundFieldId(block, 'url');
    ids[`eligibility.${sent}.evidenceDate`] = groundFieldId(block, 'date');
  });
  contractBlocks.forEach((block, sent) => {
    ids[`pastContracts.${sent}`] = contractFieldId(block, 'buyer');
    ids[`pastContracts.${sent}.buyer`] = contractFieldId(block, 'buyer');
    ids[`pastContracts.${sent}.year`] = contractFieldId(block, 'year');
    ids[`pastContracts.${sent}.title`] = contractFieldId(block, 'title');
  });
  return ids;
}

/**
 * Our words for the registry's refusals on this form, by "path/CODE" (list positions left out:
 * api-error-problems.ts) or by code beside a field; the rest shows the registry's own text.
 */
export const ELIGIBILITY_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'teamSize/UNKNOWN_CODE': 'eligErrorChoose',
  'deliveryArea.country/UNKNOWN_COUNTRY': 'eligErrorChoose',
  'deliveryArea.country/INVALID_FORMAT': 'eligErrorChoose',
  'eligibility.basis/UNKNOWN_CODE': 'eligErrorChoose',
  'eligibility.basis/REQUIRED': 'eligErrorBasis',
  'eligibility.basis/DUPLICATE': 'eligErrorDuplicate',
  'eligibility.basis/OTHER_COUNTRY': 'eligErrorOtherCountry',
  'eligibility.evidenceDate/REQUIRED': 'eligErrorDate',
  'eligibility.evidenceDate/INVALID_FORMAT': 'eligErrorDate',
  'eligibility.evidenceDate/INVALID_DATE': 'eligErrorDate',
  'eligibility.evidenceDate/IN_THE_FUTURE': 'eligErrorFutureDate',
  'eligibility.evidenceUrl/INVALID_FORMAT': 'eligErrorUrl',
  'pastContracts.buyer/REQUIRED': 'eligErrorBuyer',
  'pastContracts.buyer/TOO_SHORT': 'eligErrorBuyer',
  'pastContracts.title/REQUIRED': 'eligErrorTitle',
  'pastContracts.year/IN_THE_FUTURE': 'eligErrorYear',
  'pastContracts.year/OUT_OF_RANGE': 'eligErrorYear',
  // An e-mail address or a phone number in a buyer, a title or a proof (any language).
  PERSONAL_CONTACT: 'eligErrorPersonal',
};

/** Whether any proof or contract title has a text in `lang` (its tab says "written" or "not written yet"). */
export function hasEligibilityTextsIn(record: EligibilityRecord, lang: string): boolean {
  return (
    (record.eligibility ?? []).some((g) => Boolean(g.evidence?.[lang])) || (record.pastContracts ?? []).some((c) => Boolean(c.title[lang]))
  );
}
