// What a text field shows, in every case a page goes through:
// - on the server, the value is rendered into the page (value="…", or a textarea's content), so
//   it reads and submits without JavaScript;
// - at hydration, what someone typed while the scripts were loading is kept (a slow phone). Svelte
//   empties a server-rendered textarea when it hydrates it, so the value sent by the server is
//   put back, unless the field holds typed text;
// - on a client-side navigation that keeps the field (another language tab of the same form), the
//   new page's value replaces the old one; form.reset() goes back to the latest value.

/** Svelte action: `use:formValue={value}` on an input or textarea. */
export function formValue(node: HTMLInputElement | HTMLTextAreaElement, initial: string) {
  const typed = node.value;
  node.defaultValue = initial;
  node.value = typed !== '' ? typed : initial;
  return {
    update(next: string) {
      node.defaultValue = next;
      node.value = next;
    },
  };
}
