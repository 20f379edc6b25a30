// The editor's forms send each stored item's id back with it (ADR 0053), wherever the item moved,
// so the registry keeps its translations with it; a new item goes without one.
import { describe, expect, it } from 'vitest';
import { applyListCommand } from './list-commands.ts';
import { readServicesForm, serviceFieldId, servicesChanges, servicesFormFromRecord, type ServicesForm } from './services-form.ts';
import { contactPlaceChanges, currentContactPlace, linkItemId, linkUrlId, readContactPlaceForm } from './contact-place-form.ts';
import { moveLinkRow } from './link-rows.ts';
import type { InitiativeRecord } from './initiative-changes.ts';

const record = {
  originalLanguage: 'fr',
  services: [
    { id: 'kinterp01', name: { fr: 'Interprétariat', it: 'Interpretariato' } },
    { id: 'kform0002', name: { fr: 'Formation' } },
  ],
  links: [
    { id: 'klink0001', url: 'https://a.example', label: { fr: 'Site', it: 'Sito' } },
    { id: 'klink0002', url: 'https://b.example', label: { fr: 'Blog' } },
  ],
  location: { locality: 'Liège', country: 'BE', precision: 'city' },
} as unknown as InitiativeRecord;

function posted(form: ServicesForm): FormData {
  const data = new FormData();
  data.set('services', String(form.services.length));
  form.services.forEach((block, i) => {
    if (block.from !== null) data.set(serviceFieldId(i, 'from'), String(block.from));
    for (const [part, text] of Object.entries(block.texts)) data.set(serviceFieldId(i, part as 'name'), text);
  });
  return data;
}

describe('list items keep their ids through the forms', () => {
  it('services: moved, with one added, each sent with its own id and the new one with none', () => {
    const form = servicesFormFromRecord(record, 'fr');
    const moved = applyListCommand(form.services, { kind: 'down', list: 'services', index: 0 }, () => form.services[0]!);
    const added = {
      ...form,
      services: [...moved, { ...form.services[0]!, from: null, texts: { ...form.services[0]!.texts, name: 'Cuisine' } }],
    };
    const sent = servicesChanges(record, readServicesForm(posted(added), 'fr', 2), 'fr').changes.services as Array<Record<string, unknown>>;
    expect(sent.map((s) => s.id)).toEqual(['kform0002', 'kinterp01', undefined]);
    // The Italian name stays with its service.
    expect(sent[1]!.name).toEqual([
      { language: 'fr', text: 'Interprétariat' },
      { language: 'it', text: 'Interpretariato' },
    ]);
  });

  it('links: the id travels in a hidden field, follows its row when moved, and is sent back', () => {
    const rows = moveLinkRow(currentContactPlace(record, ['fr']).links, 'down-0');
    expect(rows.map((r) => r.id)).toEqual(['klink0002', 'klink0001']);
    const data = new FormData();
    data.set('linkCount', String(rows.length));
    rows.forEach((row, i) => {
      data.set(linkUrlId(i), row.url);
      if (row.id) data.set(linkItemId(i), row.id);
      for (const [lang, text] of Object.entries(row.label)) data.set(`link-${i}-label-${lang}`, text);
    });
    data.set(linkItemId(5), 'kstray001');
    const form = { ...currentContactPlace(record, ['fr']), links: readContactPlaceForm(data, ['fr']).links };
    const links = contactPlaceChanges(record, form, ['fr']).links as Array<Record<string, unknown>>;
    expect(links.map((l) => l.id)).toEqual(['klink0002', 'klink0001']);
  });
});
