// The "list your initiative" page's two requests to the registry: the form's token and the
// pickers' words (the sectors in the reader's language, the node's country), and the request
// itself (requestListing), sent as the browser: the registry limits requests per client address.
// What the person wrote, and their address, go to the registry as GraphQL variables and nowhere
// else (never into a log line).
import { graphql } from './graphql.ts';
import { siteClientHeaders } from './site-client-address.ts';
import { displayNames } from '../i18n/intl-formatters.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { migrantLedChoice, type ListingRequestValues } from '../forms/listing-request-form.ts';
import type { ApiError } from '../forms/api-error-problems.ts';
import type {
  ListingRequestFormPageQuery,
  ListingRequestFormPageQueryVariables,
  RequestListingMutation,
  RequestListingMutationVariables,
} from '../generated/operation-types.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import FORM_QUERY from './queries/listing-request-form.graphql?raw';
import REQUEST_MUTATION from './queries/request-listing.graphql?raw';

/**
 * The countries offered: the Council of Europe's members and neighbours where partner cities
 * are likely, by ISO 3166-1 code; named in the reader's language by the browser's Intl data.
 */
const COUNTRIES = [
  'AL',
  'AD',
  'AM',
  'AT',
  'AZ',
  'BA',
  'BE',
  'BG',
  'CH',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GE',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LI',
  'LT',
  'LU',
  'LV',
  'MC',
  'MD',
  'ME',
  'MK',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'RS',
  'SE',
  'SI',
  'SK',
  'SM',
  'TR',
  'UA',
  'XK',
] as const;

/** Languages offered as boxes to tick: the site's nine, then those most spoken by people who arrived in Europe lately. */
export const OFFERED_LANGUAGES = [
  'fr',
  'en',
  'it',
  'el',
  'bg',
  'sl',
  'ar',
  'nl',
  'de',
  'es',
  'pt',
  'ro',
  'pl',
  'uk',
  'ru',
  'tr',
  'sq',
  'fa',
  'ps',
  'ku',
  'ur',
  'bn',
  'ti',
  'am',
  'so',
  'wo',
  'ln',
  'zh',
] as const;

export interface ListingFormPage {
  token: string;
  minimumFillSeconds: number;
  city: string;
  /** The node's country: the country picked first. */
  nodeCountry: string;
  sectors: Array<{ code: string; label: string }>;
  countries: Array<{ code: string; label: string }>;
}

export async function loadListingFormPage(lang: UiLanguage): Promise<ListingFormPage> {
  const data = await graphql<ListingRequestFormPageQuery, ListingRequestFormPageQueryVariables>(FORM_QUERY, { lang });
  const names = displayNames(lang, { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(lang);
  return {
    token: data.listingRequestForm.token,
    minimumFillSeconds: data.listingRequestForm.minimumFillSeconds,
    city: data.thisNode.city,
    nodeCountry: data.thisNode.country.code,
    sectors: data.taxonomy.concepts.map((c) => ({ code: c.code, label: c.label })).sort((a, b) => collator.compare(a.label, b.label)),
    countries: COUNTRIES.map((code) => ({ code, label: names.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label)),
  };
}

/** Sends the request as the browser at `clientAddress`; the registry's typed error comes back as `error`. */
export async function sendListingRequest(
  values: ListingRequestValues,
  lang: UiLanguage,
  clientAddress: string,
): Promise<{ ok: boolean; error: ApiError | null }> {
  const data = await graphql<RequestListingMutation, RequestListingMutationVariables>(
    REQUEST_MUTATION,
    {
      input: {
        name: values.name,
        summary: values.summary,
        language: lang,
        city: values.city,
        country: values.country,
        sector: values.sector,
        languagesOffered: values.languagesOffered,
        website: values.website || null,
        askerEmail: values.askerEmail,
        consentToList: values.consentToList,
        migrantLed: migrantLedChoice(values.migrantLed),
        formToken: values.formToken,
        leaveEmpty: values.honeypot || null,
      },
      lang,
    },
    siteClientHeaders(clientAddress),
  );
  return data.requestListing;
}
