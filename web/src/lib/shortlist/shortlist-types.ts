// An initiative as the shortlist page and its CSV export show it: public fields only (the
// registry's public API has no others).
import type { LocalizedText } from '../registry-types.ts';

export interface ShortlistConcept {
  code: string;
  label: string;
}

export interface ShortlistEntry {
  id: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean; url: string };
  name: LocalizedText;
  summary: LocalizedText;
  primarySector: ShortlistConcept;
  additionalSectors: ShortlistConcept[];
  legalForm: ShortlistConcept;
  nationalLegalForm: ShortlistConcept | null;
  languagesOffered: { code: string; name: string }[];
  services: { name: LocalizedText }[];
  location: { locality: string; country: { code: string; name: string } };
  contact: { email: string | null; phone: string | null; relay: boolean };
  website: string | null;
  node: { slug: string; city: string };
}
