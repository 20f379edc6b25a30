// What a picker (ConceptPicker.svelte) shows for what the reader typed in its filter box, and when
// a long list is folded, without
// Svelte, so it is tested on its own. Matching ignores case and accents ("economie" finds
// "Économie", "sante" finds "Santé") because people type on phones without them; every word
// typed must appear in the label or in the code, in any order.

/** One choice of a picker: the value posted and its label in the reader's language. */
export interface PickerItem {
  value: string;
  label: string;
  /** A second line (a country for a national legal form, a scope note …), also searched. */
  detail?: string;
}

/** Lower case, accents and other combining marks removed, spaces squeezed. */
export function foldForSearch(text: string, lang?: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(lang).replace(/\s+/g, ' ').trim();
}

/** Whether an item matches the filter text: every word of it, in the label, the detail or the code. */
export function matchesFilter(item: PickerItem, filter: string, lang?: string): boolean {
  const words = foldForSearch(filter, lang).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(`${item.label} ${item.detail ?? ''} ${item.value}`, lang);
  return words.every((word) => haystack.includes(word));
}

/** The values of `items` that match the filter, in the items' order. */
export function visibleValues(items: readonly PickerItem[], filter: string, lang?: string): Set<string> {
  return new Set(items.filter((item) => matchesFilter(item, filter, lang)).map((item) => item.value));
}

/**
 * The values a picker shows: with a filter typed, the matches; else everything, or, for a long
 * list shown folded (with JavaScript, on a phone), only the values kept in view (chosen when
 * the page was drawn or ticked since), so a long list does not fill many screens.
 */
export function shownValues(
  items: readonly PickerItem[],
  options: { filter: string; lang?: string; folded: boolean; kept: ReadonlySet<string> },
): Set<string> {
  if (options.filter.trim() !== '') return visibleValues(items, options.filter, options.lang);
  if (!options.folded) return new Set(items.map((item) => item.value));
  return new Set(items.filter((item) => options.kept.has(item.value)).map((item) => item.value));
}

/**
 * The items in the order the picker lists them: the chosen ones first (so what is already set
 * is seen without scrolling a long list), each group keeping the given order. Computed from
 * the values chosen when the page was drawn, so ticking a box does not move it under the finger.
 */
export function chosenFirst<T extends PickerItem>(items: readonly T[], chosen: Iterable<string>): T[] {
  const set = new Set(chosen);
  return [...items.filter((item) => set.has(item.value)), ...items.filter((item) => !set.has(item.value))];
}

/**
 * The items to offer: the given ones, plus any chosen value that is not among them (a code a
 * partner node uses, a language outside the usual list), shown by its value, so saving the form
 * never drops what was already there.
 */
export function withChosenValues(items: readonly PickerItem[], chosen: Iterable<string>): PickerItem[] {
  const known = new Set(items.map((item) => item.value));
  const extra = [...new Set(chosen)].filter((value) => !known.has(value)).map((value) => ({ value, label: value }));
  return [...items, ...extra];
}
