// The network potential page (issue 15 point 4): before posting a request, an official of the
// node (moderators and admins post requests for buyers, ADR 0033) sees how many initiatives
// across the network could answer it, by city, how many are eligible for a reserved contract,
// and what that suggests, with the rule and its thresholds in words. Private: never cached nor
// indexed.
import { loadAs, requireModerator } from '#lib/server/manage/page-access.ts';
import { FIELD_ORDER, readPotentialForm } from '#lib/server/market/network-potential-form.ts';
import { GraphQLRequestError } from '#lib/server/graphql-request.ts';
import FORM_QUERY from '#lib/server/queries/network-potential-form.graphql?raw';
import POTENTIAL_QUERY from '#lib/server/queries/network-potential.graphql?raw';
import type { NetworkPotentialFormQuery, NetworkPotentialQuery } from '#lib/generated/operation-types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  const { account, lang } = await event.parent();
  requireModerator(account, event.url);
  const choices = await loadAs<NetworkPotentialFormQuery>(event, FORM_QUERY, { lang });
  const countries = [...new Map(choices.cityNodes.map((n) => [n.country.code, n.country.name])).entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const { form, sent, problems, variables } = readPotentialForm(event.url, {
    country: choices.thisNode.country.code,
    countries: countries.map((c) => c.code),
  });
  let potential: NetworkPotentialQuery['networkPotential'] | null = null;
  if (variables) {
    try {
      potential = (await loadAs<NetworkPotentialQuery>(event, POTENTIAL_QUERY, { lang, ...variables })).networkPotential;
    } catch (caught) {
      // A code the page cannot check itself (a sector unknown to the registry): its own words, in English.
      if (!(caught instanceof GraphQLRequestError) || caught.code !== 'GRAPHQL_ERRORS') throw caught;
      problems.general.push({ text: caught.errors[0]?.message ?? caught.message, lang: 'en' });
    }
  }
  return {
    form,
    sent,
    problems,
    fieldOrder: [...FIELD_ORDER],
    potential,
    sectors: choices.taxonomy.concepts,
    countries,
    cities: [...new Set(choices.cityNodes.filter((n) => n.country.code === form.country).map((n) => n.city))].sort(),
  };
};
