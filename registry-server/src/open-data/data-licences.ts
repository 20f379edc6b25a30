// The licences a node's admin may choose for its published data (ADR 0048): the four that EU
// open-data portals and SSE maps (TransiScope, the Murmurations index) accept without asking,
// identified by SPDX ids, which is how DCAT-AP, schema.org and our city-node JSON-LD name them.

export interface DataLicenceInfo {
  /** The GraphQL enum value. */
  licence: 'CC_BY_4_0' | 'CC_BY_SA_4_0' | 'CC0_1_0' | 'ODBL_1_0';
  spdx: string;
  name: string;
  url: string;
}

export const DATA_LICENCES: readonly DataLicenceInfo[] = Object.freeze([
  {
    licence: 'CC_BY_4_0',
    spdx: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  {
    licence: 'CC_BY_SA_4_0',
    spdx: 'CC-BY-SA-4.0',
    name: 'Creative Commons Attribution-ShareAlike 4.0 International',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  {
    licence: 'CC0_1_0',
    spdx: 'CC0-1.0',
    name: 'Creative Commons Zero v1.0 Universal',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  {
    licence: 'ODBL_1_0',
    spdx: 'ODbL-1.0',
    name: 'Open Data Commons Open Database License v1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
] as const);

/** The licence a stored SPDX id names; null for none, or for an id outside the list (an older seed). */
export function licenceBySpdx(spdx: string | undefined | null): DataLicenceInfo | null {
  return DATA_LICENCES.find((l) => l.spdx === spdx) ?? null;
}

export function licenceByEnum(value: string): DataLicenceInfo | null {
  return DATA_LICENCES.find((l) => l.licence === value) ?? null;
}
