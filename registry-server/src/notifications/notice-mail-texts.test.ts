import { describe, expect, it } from 'vitest';
import { MAIL_LANGUAGES, mailLanguage, mailText } from './notice-mail-texts.ts';

describe('notice e-mails', () => {
  it('are written in each of the nine languages, every kind with its link', () => {
    for (const lang of MAIL_LANGUAGES)
      for (const kind of ['message', 'approved', 'changes', 'report', 'reset', 'editorAdded'] as const) {
        const { subject, text } = mailText(lang, kind, { name: 'Univerbal', note: 'Add a source.', link: 'https://node.test/x' });
        expect(subject.length).toBeGreaterThan(3);
        expect(text).toContain('https://node.test/x');
        expect(`${subject}${text}`).not.toMatch(/\{(name|note|link)\}/);
      }
  });

  it('say who invited a new editor and why the recipient is told, in each language', () => {
    for (const lang of MAIL_LANGUAGES) {
      const byEditor = mailText(lang, 'editorAdded', {
        name: 'Univerbal',
        link: 'https://node.test/x',
        editorAdded: { by: 'editor', audience: 'editors' },
      });
      const byAdmin = mailText(lang, 'editorAdded', {
        name: 'Univerbal',
        link: 'https://node.test/x',
        editorAdded: { by: 'admin', audience: 'admins' },
      });
      expect(byEditor.text).not.toBe(byAdmin.text);
      expect(byEditor.subject).toContain('Univerbal');
    }
    const english = mailText('en', 'editorAdded', {
      name: 'Univerbal',
      link: 'https://node.test/x',
      editorAdded: { by: 'editor', audience: 'editors' },
    });
    expect(english.text).toContain('invited by one of its editors');
  });

  it("fill a moderator's note as it is: placeholders in it are not filled again", () => {
    const { text } = mailText('en', 'changes', { name: 'Univerbal', note: 'See {link} and {name}', link: 'https://node.test/x' });
    expect(text).toContain('"See {link} and {name}"');
  });

  it("pick the person's language, else the node's, else English", () => {
    expect(mailLanguage(['it-IT', 'fr'])).toBe('it');
    expect(mailLanguage([undefined, 'de'])).toBe('de');
    expect(mailLanguage(['tr', null])).toBe('en');
  });
});
