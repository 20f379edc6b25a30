// Adding, removing and moving the rows of the links form, the same with JavaScript (in the page)
// and without it (the `rows` action reads the button pressed: add, remove-<n>, up-<n>, down-<n>).
import { MAX_LINKS, type LinkRow } from './contact-place-form.ts';

export function moveLinkRow(rows: readonly LinkRow[], action: string): LinkRow[] {
  const next = rows.map((row) => ({ ...(row.id ? { id: row.id } : {}), url: row.url, label: { ...row.label } }));
  if (action === 'add') {
    if (next.length < MAX_LINKS) next.push({ url: '', label: {} });
    return next;
  }
  const match = /^(remove|up|down)-(\d+)$/.exec(action);
  if (!match) return next;
  const index = Number(match[2]);
  if (index >= next.length) return next;
  if (match[1] === 'remove') next.splice(index, 1);
  else {
    const other = match[1] === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= next.length) return next;
    [next[index], next[other]] = [next[other]!, next[index]!];
  }
  return next;
}
