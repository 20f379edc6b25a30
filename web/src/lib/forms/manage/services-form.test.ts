import { describe, expect, it } from 'vitest';
import { applyListCommand, readListCommand } from './list-commands.ts';
import {
  emptyServiceBlock,
  hasServiceTextsIn,
  readServicesForm,
  serviceFieldId,
  serviceFieldIds,
  servicesChanges,
  servicesFieldMessages,
  servicesFormFromRecord,
  type ServicesForm,
} from './services-form.ts';
import { editProblems } from './edit-problems.ts';
import type { InitiativeRecord } from './initiative-changes.ts';

const record: InitiativeRecord = {
  services: [
    { name: { fr: 'Interprétariat', en: 'Interpreting' }, languages: ['ar', 'ps'], serviceAreas: { fr: 'Liège' } },
    { name: { fr: 'Formation' }, description: { fr: 'Trois sessions' } },
  ],
};

/** The form as the page posts it. */
function posted(form: ServicesForm): FormData {
  const data = new FormData();
  data.set('services', String(form.services.length));
  form.services.forEach((block, i) => {
    if (block.from !== null) data.set(serviceFieldId(i, 'from'), String(block.from));
    for (const [part, text] of Object.entries(block.texts)) data.set(serviceFieldId(i, part as 'name'), text);
    for (const tag of block.languages) data.append(serviceFieldId(i, 'languages'), tag);
    data.set(serviceFieldId(i, 'otherLanguages'), block.otherLanguages);
  });
  return data;
}

describe('the services form', () => {
  it('sends nothing when nothing changed, in any language', () => {
    for (const lang of ['fr', 'en', 'ar']) {
      const form = readServicesForm(posted(servicesFormFromRecord(record, lang)), lang, 2);
      expect(servicesChanges(record, form, 'fr').changes).toEqual({});
    }
  });

  it('puts one language’s texts into each service and keeps the other languages', () => {
    const form = servicesFormFromRecord(record, 'en');
    form.services[1]!.texts.name = 'Training';
    form.services[1]!.texts.feesDescription = 'Free';
    const { changes } = servicesChanges(record, readServicesForm(posted(form), 'en', 2), 'fr');
    expect(changes.services).toEqual([
      {
        name: [
          { language: 'fr', text: 'Interprétariat' },
          { language: 'en', text: 'Interpreting' },
        ],
        serviceAreas: [{ language: 'fr', text: 'Liège' }],
        languages: ['ar', 'ps'],
      },
      {
        name: [
          { language: 'fr', text: 'Formation' },
          { language: 'en', text: 'Training' },
        ],
        description: [{ language: 'fr', text: 'Trois sessions' }],
        feesDescription: [{ language: 'en', text: 'Free' }],
      },
    ]);
  });

  it('adds a service, leaves out a block added but left empty, and says which block each sent service is', () => {
    let form = servicesFormFromRecord(record, 'fr');
    form = { ...form, services: applyListCommand(form.services, { kind: 'add', list: 'services' }, emptyServiceBlock) };
    form = { ...form, services: applyListCommand(form.services, { kind: 'add', list: 'services' }, emptyServiceBlock) };
    form.services[3]!.texts.name = 'Cours de langue';
    form.services[3]!.otherLanguages = 'tigrigna, Persan';
    form.services[3]!.languages = ['fr'];
    const { changes, blocks } = servicesChanges(record, readServicesForm(posted(form), 'fr', 2), 'fr');
    const services = changes.services as Array<Record<string, unknown>>;
    expect(services).toHaveLength(3);
    expect(services[2]).toEqual({ name: [{ language: 'fr', text: 'Cours de langue' }], languages: ['fr', 'ti', 'fa'] });
    expect(blocks).toEqual([0, 1, 3]);
    expect(serviceFieldIds(blocks)['services.2.languages']).toBe('svc-3-otherLanguages');
    expect(serviceFieldIds(blocks)['services.2.name']).toBe('svc-3-name');
  });

  it('sends a new service without a name with its name empty, for the registry to ask for one there', () => {
    const form = servicesFormFromRecord(record, 'fr');
    form.services.push({ ...emptyServiceBlock(), texts: { ...emptyServiceBlock().texts, description: 'Sans nom' } });
    const { changes } = servicesChanges(record, readServicesForm(posted(form), 'fr', 2), 'fr');
    expect((changes.services as Array<Record<string, unknown>>)[2]).toEqual({
      name: [],
      description: [{ language: 'fr', text: 'Sans nom' }],
    });
  });

  it('moves and removes services; a removed one is simply not sent', () => {
    let form = servicesFormFromRecord(record, 'fr');
    form = { ...form, services: applyListCommand(form.services, readListCommand('down:services:0', ['services'])!, emptyServiceBlock) };
    expect(form.services.map((s) => s.from)).toEqual([1, 0]);
    form = { ...form, services: applyListCommand(form.services, readListCommand('remove:services:1', ['services'])!, emptyServiceBlock) };
    const { changes } = servicesChanges(record, readServicesForm(posted(form), 'fr', 2), 'fr');
    expect(changes.services).toEqual([
      { name: [{ language: 'fr', text: 'Formation' }], description: [{ language: 'fr', text: 'Trois sessions' }] },
    ]);
  });

  it('never lets two blocks write over one stored service, nor a block claim a service that is not stored', () => {
    const data = posted(servicesFormFromRecord(record, 'fr'));
    data.set(serviceFieldId(1, 'from'), '0');
    const form = readServicesForm(data, 'fr', 2);
    expect(form.services.map((s) => s.from)).toEqual([0, null]);
    data.set(serviceFieldId(1, 'from'), '7');
    expect(readServicesForm(data, 'fr', 2).services[1]!.from).toBeNull();
  });

  it('reads only the commands it knows, for its own lists', () => {
    expect(readListCommand('add:services', ['services'])).toEqual({ kind: 'add', list: 'services' });
    expect(readListCommand('up:services:2', ['services'])).toEqual({ kind: 'up', list: 'services', index: 2 });
    expect(readListCommand('drop:services:2', ['services'])).toBeNull();
    expect(readListCommand('up:sources:2', ['services'])).toBeNull();
    expect(readListCommand('up:services:-1', ['services'])).toBeNull();
    expect(readListCommand(null, ['services'])).toBeNull();
    expect(applyListCommand(['a', 'b'], { kind: 'up', list: 'x', index: 0 }, () => 'z')).toEqual(['a', 'b']);
    expect(applyListCommand(['a', 'b'], { kind: 'remove', list: 'x', index: 9 }, () => 'z')).toEqual(['a', 'b']);
  });

  it('reads at most one block more than the record may hold', () => {
    const data = new FormData();
    data.set('services', '100000');
    expect(readServicesForm(data, 'fr', 0).services).toHaveLength(51);
  });

  it('puts the registry’s refusals beside the block they are about, in our words where we have them', () => {
    // Blocks 0, 1 and 3 were sent (block 2 was left empty): the registry's services.2 is block 3.
    const problems = editProblems(
      {
        code: 'VALIDATION_FAILED',
        message: 'The record is not valid.',
        fields: [
          { field: 'services.2.name', code: 'WRONG_TYPE', message: 'must be an object.' },
          { field: 'services.2.languages.1', code: 'INVALID_FORMAT', message: 'is not a BCP 47 language tag.' },
          { field: 'services.0.description.fr', code: 'TOO_LONG', message: 'must be at most 20000 characters.' },
        ],
      },
      serviceFieldIds([0, 1, 3]),
      servicesFieldMessages(3),
    );
    expect(problems).toEqual({
      fields: {
        'svc-3-name': { key: 'svcEditErrorServiceName' },
        'svc-3-otherLanguages': { key: 'svcEditErrorLanguageCode' },
        'svc-0-description': { text: 'must be at most 20000 characters.', lang: 'en' },
      },
      general: [],
    });
  });

  it('says which languages the services are written in, for the tabs', () => {
    expect(['fr', 'en', 'ar'].map((lang) => hasServiceTextsIn(record, lang))).toEqual([true, true, false]);
  });
});
