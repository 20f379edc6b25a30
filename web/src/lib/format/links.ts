// Addresses taken from registry records, made safe to put in an href. Records can come from
// partner nodes: a link is only ever http(s), mailto: or tel:, never javascript: or data:.

/** `url` when it is an absolute http(s) URL, else null (the page then shows it without a link). */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A URL as people read it: without the scheme, "www." or a trailing slash. */
export function displayUrl(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
}

/**
 * A tel: link for a phone number as published ("04/232 02 92" → "tel:042320292"); null without
 * enough digits. The "(0)" of "+32 (0)4 …" is dialled only inside the country: it is left out.
 */
export function phoneHref(phone: string): string | null {
  const digits = phone
    .replace(/\(0\)/g, '')
    .replace(/[^\d+]/g, '')
    .replace(/(?!^)\+/g, '');
  return digits.replace('+', '').length >= 3 ? `tel:${digits}` : null;
}

/** A mailto: link for an e-mail address; null when it does not look like one. */
export function mailtoHref(email: string): string | null {
  const address = email.trim();
  return /^[^\s@:/?#]+@[^\s@:/?#]+\.[^\s@:/?#]+$/.test(address) ? `mailto:${address}` : null;
}
