// The lists the Organisation section's pickers offer, in the reader's language: the taxonomies'
// concepts (labels from the registry, in the taxonomy's order), languages (named by ICU, sorted
// the reader's way), and the node's initiatives and good practices by name (sorted likewise).
import type { OrganisationChoicesQuery } from '../../generated/operation-types.ts';
import { OFFERED_LANGUAGES } from '../../forms/manage/offered-languages.ts';
import type { PickerItem } from '../../components/manage/picker-filter.ts';
import { languageName } from '../../i18n/message-format.ts';
import { displayNames } from '../../i18n/intl-formatters.ts';
import type { UiLanguage } from '../../i18n/languages.ts';

export { default as ORGANISATION_CHOICES_QUERY } from './queries/organisation-choices.graphql?raw';

export interface OrganisationChoices {
  sectors: PickerItem[];
  activities: PickerItem[];
  legalForms: PickerItem[];
  nationalLegalForms: PickerItem[];
  structures: PickerItem[];
  qualifiers: PickerItem[];
  principles: PickerItem[];
  membershipTypes: PickerItem[];
  languages: PickerItem[];
  initiatives: PickerItem[];
  practices: PickerItem[];
}

type Concepts = { concepts: ReadonlyArray<{ code: string; label: string }> };

const conceptItems = (taxonomy: Concepts): PickerItem[] => taxonomy.concepts.map(({ code, label }) => ({ value: code, label }));

function sortedByLabel(items: PickerItem[], lang: UiLanguage): PickerItem[] {
  const collator = new Intl.Collator(lang);
  return items.sort((a, b) => collator.compare(a.label, b.label));
}

function countryName(code: string, lang: UiLanguage): string {
  try {
    return displayNames(lang, { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The pickers' items for one initiative (`slug`, left out of "part of"), in `lang`; the
 * languages it already offers are listed by name even when they are not in the usual list.
 */
export function organisationChoices(
  data: OrganisationChoicesQuery,
  lang: UiLanguage,
  slug: string,
  offered: readonly string[] = [],
): OrganisationChoices {
  return {
    sectors: conceptItems(data.sectors),
    activities: conceptItems(data.activities),
    legalForms: conceptItems(data.legalForms),
    nationalLegalForms: data.nationalLegalForms.concepts.map(({ code, label, country }) => ({
      value: code,
      label,
      ...(country ? { detail: countryName(country, lang) } : {}),
    })),
    structures: conceptItems(data.structures),
    qualifiers: conceptItems(data.qualifiers),
    principles: conceptItems(data.principles),
    membershipTypes: conceptItems(data.membershipTypes),
    languages: sortedByLabel(
      [...new Set([...OFFERED_LANGUAGES, ...offered])].map((tag) => ({ value: tag, label: languageName(tag, lang) })),
      lang,
    ),
    initiatives: sortedByLabel(
      data.initiatives.edges.filter(({ node }) => node.slug !== slug).map(({ node }) => ({ value: node.slug, label: node.name.text })),
      lang,
    ),
    practices: sortedByLabel(
      data.goodPractices.edges.map(({ node }) => ({ value: node.slug, label: node.title.text })),
      lang,
    ),
  };
}
