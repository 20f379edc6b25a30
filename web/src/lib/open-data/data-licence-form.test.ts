import { describe, expect, it } from 'vitest';
import { readLicenceForm } from './data-licence-form.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('the licence form', () => {
  it.each([
    { licence: 'GPL-3.0', profileVersion: '3' },
    { licence: 'CC_BY_4_0', profileVersion: 'three' },
    { licence: '', profileVersion: '3' },
    { licence: 'cc_by_4_0', profileVersion: '3' },
    { licence: '__proto__', profileVersion: '3' },
    { profileVersion: '3' },
  ])('refuses a forged or missing choice %o with a problem linked to the field', (fields) => {
    expect(readLicenceForm(form(fields as Record<string, string>))).toEqual({
      ok: false,
      problems: { fields: { 'licence-CC_BY_4_0': { key: 'odxAdminUnknown' } }, general: [] },
    });
  });

  it('reads a licence, and "none" as not set', () => {
    expect(readLicenceForm(form({ licence: 'ODBL_1_0', profileVersion: '4' }))).toEqual({
      ok: true,
      licence: 'ODBL_1_0',
      profileVersion: 4,
    });
    expect(readLicenceForm(form({ licence: 'none', profileVersion: '4' }))).toEqual({ ok: true, licence: null, profileVersion: 4 });
  });
});
