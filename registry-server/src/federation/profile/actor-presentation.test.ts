// Profile fields are built from public fields only, and a hostile website address stays one link.
import { describe, expect, it } from 'vitest';
import { profileFields } from './actor-presentation.ts';

describe('profile fields', () => {
  it('name website, city and sector in the actor’s language, the website as a link', () => {
    const fields = profileFields({ language: 'fr', website: 'https://univerbal.be/', city: 'Liège', sector: 'Éducation' });
    expect(fields.map((f) => [f.name?.toString(), f.value?.toString()])).toEqual([
      ['Site web', '<a href="https://univerbal.be/" rel="me nofollow noopener noreferrer" target="_blank">univerbal.be</a>'],
      ['Ville', 'Liège'],
      ['Secteur', 'Éducation'],
    ]);
  });

  it('keep a website address with quotes or markup as one attribute, and drop one that is not http(s)', () => {
    const [website] = profileFields({ language: 'en', website: 'https://x.example/"onmouseover="alert(1)<b>' });
    expect(website!.value?.toString()).not.toMatch(/"onmouseover|<b>/);
    expect(website!.value?.toString()).toContain('href="https://x.example/%22onmouseover=%22alert(1)%3Cb%3E"');
    expect(profileFields({ language: 'en', website: 'javascript:alert(1)' })).toEqual([]);
    expect(profileFields({ language: 'en', city: '<script>' })[0]!.value?.toString()).toBe('&lt;script&gt;');
  });
});
