// The network potential page's form (/market/potential): a GET form, so it works without
// JavaScript and its answer can be bookmarked or shared with a colleague. Reads the URL's
// fields, checks what the page can check itself (with messages next to the fields), and gives
// the GraphQL variables of networkPotential once the form was sent.
import type { Problems } from '#lib/forms/manage/form-problems.ts';

export const INTENTS = ['NONE', 'SOCIAL_CLAUSE', 'RESERVED_CONTRACT'] as const;
export type Intent = (typeof INTENTS)[number];

export interface PotentialForm {
  sectors: string[];
  cpv: string;
  country: string;
  locality: string;
  intent: Intent;
}

export interface PotentialVariables {
  sectors: string[];
  cpvCodes: string[];
  area: { country: string; locality?: string };
  intent: Intent;
}

/** Field ids, in the order the form shows them (the error summary follows it). */
export const FIELD_ORDER = ['sectors', 'cpv', 'country', 'locality'] as const;
const CPV = /^\d{8}-\d$/;

/** The form as sent (or its defaults), its problems, and the variables when it was sent without problems. */
export function readPotentialForm(
  url: URL,
  defaults: { country: string; countries: readonly string[] },
): { form: PotentialForm; sent: boolean; problems: Problems; variables: PotentialVariables | null } {
  const params = url.searchParams;
  const sent = params.has('country');
  const intent = params.get('intent') ?? 'NONE';
  const form: PotentialForm = {
    sectors: [
      ...new Set(
        params
          .getAll('sector')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].slice(0, 20),
    cpv: (params.get('cpv') ?? '').trim().slice(0, 500),
    country: (params.get('country') ?? defaults.country).trim(),
    locality: (params.get('locality') ?? '').trim(),
    intent: (INTENTS as readonly string[]).includes(intent) ? (intent as Intent) : 'NONE',
  };
  const problems: Problems = { fields: {}, general: [] };
  if (!sent) return { form, sent, problems, variables: null };
  const cpvCodes = [...new Set(form.cpv.split(/[\s,;]+/).filter(Boolean))];
  if (form.sectors.length === 0 && cpvCodes.length === 0) problems.fields.sectors = { key: 'matchErrorNoSector' };
  const wrong = cpvCodes.find((code) => !CPV.test(code));
  if (wrong) problems.fields.cpv = { key: 'matchErrorCpv', values: { code: wrong.slice(0, 40) } };
  if (!defaults.countries.includes(form.country)) problems.fields.country = { key: 'matchErrorCountry' };
  if (form.locality.length > 200) problems.fields.locality = { key: 'matchErrorLocality' };
  const ok = Object.keys(problems.fields).length === 0;
  return {
    form,
    sent,
    problems,
    variables: ok
      ? {
          sectors: form.sectors,
          cpvCodes,
          area: { country: form.country, ...(form.locality ? { locality: form.locality } : {}) },
          intent: form.intent,
        }
      : null,
  };
}
