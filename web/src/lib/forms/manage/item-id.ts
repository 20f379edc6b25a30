// A list item's id (ADR 0053): the registry gives each service, figure, source … one, and the
// forms send it back with the item they edited, so a translation of the item's texts stays with
// it when items are added, removed or moved. A new item has none; the registry gives it one.

/** `input` with the id of the stored item it came from, when that item has one. */
export function keepItemId(input: Record<string, unknown>, stored: object | undefined): Record<string, unknown> {
  const id = (stored as { readonly id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? { id, ...input } : input;
}
