// A public form sent with use:enhance that goes out once: a second press while the first post
// is on its way is ignored (a double click sends one message, one report, one request), and
// `submitting` lets the button say "Sending…" meanwhile. Made per form, in its component: the
// state belongs to that form on that page, never to the module (a server shares modules).
import type { SubmitFunction } from '$app/forms';

export class SubmitOnce {
  submitting = $state(false);
  readonly #options: { reset?: boolean; invalidateAll?: boolean };

  /** `options` go to SvelteKit's update once the answer is back (whether to empty the form, to load the page again). */
  constructor(options: { reset?: boolean; invalidateAll?: boolean }) {
    this.#options = options;
  }

  enhance: SubmitFunction = ({ cancel }) => {
    if (this.submitting) {
      cancel();
      return;
    }
    this.submitting = true;
    return async ({ update }) => {
      this.submitting = false;
      await update(this.#options);
    };
  };
}
