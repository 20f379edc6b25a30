// Name of the hidden form field that carries the session's CSRF token back to the site
// (CsrfField.svelte writes it, lib/server/session.ts reads it). Not under lib/server, because
// the component that writes it is also sent to the browser.
export const CSRF_FIELD = 'csrf';
