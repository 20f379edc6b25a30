import { describe, expect, it } from 'vitest';
import { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { CPV_SECTORS, cpvSectorPairs, sectorsOfCpv } from './cpv-sectors.ts';

describe('CPV codes mapped to sectors', () => {
  it.each([
    ['55520000-1', ['AM60']], // catering
    ['90911200-8', ['AM70']], // building-cleaning services (cleaning group 909)
    ['90511000-2', ['AM120']], // refuse collection
    ['79530000-8', ['AM70', 'AM40']], // translation
    ['79540000-1', ['AM70', 'AM40']], // interpretation
    ['18100000-0', ['AM70', 'AM120']], // occupational clothing
    ['39500000-7', ['AM70', 'AM120']], // textile articles
    ['72200000-7', ['AM70']], // software programming and consultancy
    ['80500000-9', ['AM40']], // training services
    ['85310000-5', ['AM80']], // social work services
    ['45000000-7', ['AM90', 'AM140']], // construction work
    ['77310000-6', ['AM110']], // planting and maintenance of green areas
    ['77100000-1', ['AM110', 'AM130']], // agricultural services
  ])('%s → %j', (code, sectors) => {
    expect(sectorsOfCpv(code)).toEqual(sectors);
  });

  it('maps a code outside the table, or a malformed one, to no sector', () => {
    expect(sectorsOfCpv('34100000-8')).toEqual([]); // motor vehicles
    expect(sectorsOfCpv('5552')).toEqual([]);
    expect(sectorsOfCpv('55a20000-1')).toEqual([]);
  });

  it('keeps only codes that map, with their sectors', () => {
    expect(cpvSectorPairs(['34100000-8', '80500000-9'])).toEqual([{ cpv: '80500000-9', sectors: ['AM40'] }]);
  });

  it('names only sectors of the sector taxonomy', () => {
    const catalog = TaxonomyCatalog.load();
    for (const sectors of Object.values(CPV_SECTORS)) for (const sector of sectors) expect(catalog.has('sector', sector)).toBe(true);
  });
});
