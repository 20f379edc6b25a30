// The buttons of a form that edits a list of blocks (services, key figures, sources) without
// JavaScript: "Add a service", "Move up", "Move down", "Remove" each post the whole form with a
// `command` (add:services, up:services:2 …) and the page comes back with the blocks rearranged
// and what was typed kept, nothing saved yet. Saving is its own button.

export type ListCommand = { kind: 'add'; list: string } | { kind: 'up' | 'down' | 'remove'; list: string; index: number };

/** The command a posted `command` value names, or null (the Save button sends none). */
export function readListCommand(value: FormDataEntryValue | null, lists: readonly string[]): ListCommand | null {
  if (typeof value !== 'string') return null;
  const [kind, list, position] = value.split(':');
  if (!list || !lists.includes(list)) return null;
  if (kind === 'add' && position === undefined) return { kind, list };
  if ((kind === 'up' || kind === 'down' || kind === 'remove') && position !== undefined && /^\d{1,3}$/.test(position))
    return { kind, list, index: Number(position) };
  return null;
}

/** `blocks` with the command applied; `empty` makes the added block. Out-of-range moves change nothing. */
export function applyListCommand<T>(blocks: readonly T[], command: ListCommand, empty: () => T): T[] {
  const next = [...blocks];
  if (command.kind === 'add') return [...next, empty()];
  const { index } = command;
  if (index >= next.length) return next;
  if (command.kind === 'remove') {
    next.splice(index, 1);
    return next;
  }
  const other = command.kind === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= next.length) return next;
  [next[index], next[other]] = [next[other] as T, next[index] as T];
  return next;
}

/** The command value of a block's button. */
export function commandValue(kind: ListCommand['kind'], list: string, index?: number): string {
  return index === undefined ? `${kind}:${list}` : `${kind}:${list}:${index}`;
}
