import { describe, expect, it } from 'vitest';
import { readPotentialForm } from './network-potential-form.ts';

const defaults = { country: 'BE', countries: ['BE', 'IT'] };
const read = (query: string) => readPotentialForm(new URL(`http://site.test/market/potential?${query}`), defaults);

describe('the network potential form', () => {
  it('shows the defaults and asks nothing before it is sent', () => {
    expect(read('')).toEqual({
      form: { sectors: [], cpv: '', country: 'BE', locality: '', intent: 'NONE' },
      sent: false,
      problems: { fields: {}, general: [] },
      variables: null,
    });
  });

  it('turns a sent form into the query variables', () => {
    const read1 = read('sector=AM60&sector=AM40&cpv=55520000-1,%2080500000-9&country=BE&locality=Li%C3%A8ge&intent=RESERVED_CONTRACT');
    expect(read1.variables).toEqual({
      sectors: ['AM60', 'AM40'],
      cpvCodes: ['55520000-1', '80500000-9'],
      area: { country: 'BE', locality: 'Liège' },
      intent: 'RESERVED_CONTRACT',
    });
  });

  it('says what to fix next to each field, and asks nothing', () => {
    const wrong = read(`cpv=5552&country=FR&locality=${'x'.repeat(201)}`);
    expect(wrong.variables).toBeNull();
    expect(wrong.problems.fields).toEqual({
      cpv: { key: 'matchErrorCpv', values: { code: '5552' } },
      country: { key: 'matchErrorCountry' },
      locality: { key: 'matchErrorLocality' },
    });
    expect(read('country=BE').problems.fields).toEqual({ sectors: { key: 'matchErrorNoSector' } });
  });

  it('reads an unknown intent as none', () => {
    expect(read('sector=AM60&country=BE&intent=EVERYTHING').variables?.intent).toBe('NONE');
  });
});
