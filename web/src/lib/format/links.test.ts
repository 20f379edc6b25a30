import { describe, expect, it } from 'vitest';
import { displayUrl, mailtoHref, phoneHref, safeExternalUrl } from './links.ts';

describe('safeExternalUrl', () => {
  it('keeps absolute http(s) URLs', () => {
    expect(safeExternalUrl('https://siriushub.be/')).toBe('https://siriushub.be/');
    expect(safeExternalUrl(' http://sirius.possibles.org ')).toBe('http://sirius.possibles.org/');
  });

  it('refuses other schemes, relative and malformed addresses', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/initiatives/x',
      'siriushub.be',
      '',
      null,
      undefined,
    ]) {
      expect(safeExternalUrl(url)).toBeNull();
    }
  });
});

describe('displayUrl', () => {
  it('drops the scheme, www. and a trailing slash', () => {
    expect(displayUrl('https://www.facebook.com/projetSIRIUS/')).toBe('facebook.com/projetSIRIUS');
    expect(displayUrl('http://travaux.sirius-school.be/2018')).toBe('travaux.sirius-school.be/2018');
  });
});

describe('phoneHref', () => {
  it('keeps digits and a leading plus', () => {
    expect(phoneHref('04/232 02 92')).toBe('tel:042320292');
    expect(phoneHref('04/232.02.92')).toBe('tel:042320292');
    expect(phoneHref('+32 (0)4 232 02 92')).toBe('tel:+3242320292');
  });

  it('gives null without a number', () => {
    expect(phoneHref('ask us')).toBeNull();
    expect(phoneHref('+1')).toBeNull();
  });
});

describe('mailtoHref', () => {
  it('links an e-mail address, and nothing else', () => {
    expect(mailtoHref('contact@possibles.org')).toBe('mailto:contact@possibles.org');
    expect(mailtoHref('not an address')).toBeNull();
    expect(mailtoHref('a@b.org?bcc=x@y.org')).toBeNull();
  });
});
