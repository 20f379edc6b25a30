// The short list a reporter picks a reason from. The codes are stored and sent in GraphQL; the
// English labels travel in a Flag's content, so a partner's moderators (and Mastodon's, which
// shows the content as the report's comment) read them, and a registry partner maps them back.

export const REPORT_CATEGORIES = ['wrong-information', 'not-migrant-led-sse', 'personal-data', 'offensive-or-spam', 'other'] as const;

export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** The label that opens a Flag's content: "Reason: <label>". */
export const CATEGORY_LABEL: Record<ReportCategory, string> = {
  'wrong-information': 'Wrong or outdated information',
  'not-migrant-led-sse': 'Not a migrant-led social and solidarity economy initiative',
  'personal-data': 'Personal data about a person',
  'offensive-or-spam': 'Offensive or spam',
  other: 'Other',
};

const REASON_PREFIX = 'Reason: ';

export function isReportCategory(value: unknown): value is ReportCategory {
  return typeof value === 'string' && (REPORT_CATEGORIES as readonly string[]).includes(value);
}

/** A Flag's content as plain text: the reason's label on the first line, then the reporter's text. */
export function flagText(category: ReportCategory, text: string): string {
  return text ? `${REASON_PREFIX}${CATEGORY_LABEL[category]}\n\n${text}` : `${REASON_PREFIX}${CATEGORY_LABEL[category]}`;
}

/**
 * The category and text of a received Flag's content (already plain text). A Flag from software
 * that does not start with one of our labels (Mastodon, an older registry) is "other" with its
 * whole content as the text.
 */
export function readFlagText(content: string): { category: ReportCategory; text: string } {
  const [first = '', ...rest] = content.split('\n');
  if (first.startsWith(REASON_PREFIX)) {
    const label = first.slice(REASON_PREFIX.length).trim();
    const category = REPORT_CATEGORIES.find((c) => CATEGORY_LABEL[c] === label);
    if (category) return { category, text: rest.join('\n').trim() };
  }
  return { category: 'other', text: content.trim() };
}
