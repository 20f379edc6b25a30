// A form problem in words: ours translated (with its values), the registry's English text as it is.
import type { I18n } from '#lib/i18n/context.ts';
import type { ProblemMessage } from '#lib/forms/manage/form-problems.ts';

export function problemText(message: ProblemMessage, i18n: Pick<I18n, 't'>): string {
  if (!('key' in message)) return message.text;
  const values = message.fieldKey ? { ...message.values, field: i18n.t(message.fieldKey) } : message.values;
  return i18n.t(message.key, values);
}

/** `en` for the registry's texts on a page in another language; undefined otherwise. */
export function problemLang(message: ProblemMessage, pageLang: string): string | undefined {
  return 'key' in message || pageLang === message.lang ? undefined : message.lang;
}
