import { describe, expect, it } from 'vitest';
import {
  emptyFigureBlock,
  emptySourceBlock,
  figureFieldId,
  figuresChanges,
  figuresFieldIds,
  figuresFieldMessages,
  figuresFormFromRecord,
  hasFigureTextsIn,
  KEEP_SOURCE,
  parseFigureValue,
  readFiguresForm,
  sourceFieldId,
  type FiguresForm,
  type FiguresRecord,
} from './figures-form.ts';
import { editProblems } from './edit-problems.ts';

const record: FiguresRecord = {
  keyFigures: [
    { value: 45, description: { fr: 'interprètes', en: 'interpreters' }, year: 2021, source: '002.txt' },
    { value: 10, description: { fr: 'une dizaine' }, source: 'a document no longer listed' },
  ],
  sources: [
    { title: 'Actes (long title)', file: '002.txt', note: 'p. 3', notes: { fr: 'p. 3', en: 'p. 3' } },
    { title: 'Rapport 2023', publisher: 'Atemos ASBL', kind: 'web-page', date: '2024' },
  ],
};

function posted(form: FiguresForm): FormData {
  const data = new FormData();
  data.set('figures', String(form.figures.length));
  data.set('sources', String(form.sources.length));
  form.figures.forEach((b, i) => {
    if (b.from !== null) data.set(figureFieldId(i, 'from'), String(b.from));
    for (const part of ['value', 'description', 'year', 'source'] as const) data.set(figureFieldId(i, part), b[part]);
  });
  form.sources.forEach((b, i) => {
    if (b.from !== null) data.set(sourceFieldId(i, 'from'), String(b.from));
    for (const part of ['key', 'title', 'publisher', 'kind', 'date', 'url', 'note'] as const) data.set(sourceFieldId(i, part), b[part]);
  });
  return data;
}
const roundTrip = (form: FiguresForm) => readFiguresForm(posted(form), form.lang, record);

describe('the key figures and sources form', () => {
  it('sends nothing when nothing changed, in any language', () => {
    for (const lang of ['fr', 'en', 'el'])
      expect(figuresChanges(record, roundTrip(figuresFormFromRecord(record, lang))).changes).toEqual({});
  });

  it('shows a figure’s source as the source it names, or keeps a reference to a source no longer listed', () => {
    const form = figuresFormFromRecord(record, 'fr');
    expect(form.figures.map((f) => f.source)).toEqual(['s0', KEEP_SOURCE]);
    expect(form.sources[1]!.kind).toBe('WEB_PAGE');
  });

  it('adds a figure citing a new source by its title, and a catalogued one by its file', () => {
    const form = figuresFormFromRecord(record, 'en');
    const source = { ...emptySourceBlock(form.sources), title: 'Leaflet 2022', publisher: 'Univerbal', kind: 'LEAFLET', note: 'Back page' };
    form.sources.push(source);
    form.figures.push({ ...emptyFigureBlock(), value: '3 000', description: 'sessions', year: '2022', source: source.key });
    form.figures.push({ ...emptyFigureBlock(), value: '12,5', description: 'hours', source: 's0' });
    const { changes, local } = figuresChanges(record, roundTrip(form));
    expect(local).toEqual({});
    const figures = changes.keyFigures as Array<Record<string, unknown>>;
    expect(figures[2]).toEqual({ value: 3000, description: [{ language: 'en', text: 'sessions' }], year: 2022, source: 'Leaflet 2022' });
    expect(figures[3]).toEqual({ value: 12.5, description: [{ language: 'en', text: 'hours' }], source: '002.txt' });
    expect((changes.sources as unknown[])[2]).toEqual({
      title: 'Leaflet 2022',
      publisher: 'Univerbal',
      kind: 'LEAFLET',
      notes: [{ language: 'en', text: 'Back page' }],
    });
  });

  it('a figure keeps its source when the sources are reordered, and the renamed title follows', () => {
    const form = figuresFormFromRecord(record, 'fr');
    form.figures[1]!.source = 's1';
    form.sources.reverse();
    form.sources[0]!.title = 'Rapport annuel 2023';
    const { changes } = figuresChanges(record, roundTrip(form));
    expect((changes.keyFigures as Array<Record<string, unknown>>)[1]!.source).toBe('Rapport annuel 2023');
    expect((changes.sources as Array<Record<string, unknown>>).map((s) => s.title)).toEqual(['Rapport annuel 2023', 'Actes (long title)']);
  });

  it('edits only the note of a catalogued source: its facts come from the catalogue', () => {
    const form = figuresFormFromRecord(record, 'en');
    form.sources[0]!.title = 'Something else';
    form.sources[0]!.publisher = 'A person';
    form.sources[0]!.note = 'page 3 and 4';
    const { changes } = figuresChanges(record, roundTrip(form));
    expect((changes.sources as unknown[])[0]).toEqual({
      title: 'Actes (long title)',
      file: '002.txt',
      note: 'p. 3',
      notes: [
        { language: 'fr', text: 'p. 3' },
        { language: 'en', text: 'page 3 and 4' },
      ],
    });
  });

  it('says before asking the registry that a value is not a number, a year is not a year, a source was removed', () => {
    const form = figuresFormFromRecord(record, 'fr');
    form.figures[0]!.value = 'douze';
    form.figures[0]!.year = '2O21';
    form.figures.push({ ...emptyFigureBlock(), value: '4', description: 'x', source: 's1' });
    form.sources.splice(1, 1);
    form.sources.push({ ...emptySourceBlock(form.sources), title: 'Blog', kind: 'BLOG' });
    const { local } = figuresChanges(record, roundTrip(form));
    expect(local).toEqual({
      'fig-0-value': 'svcEditErrorValue',
      'fig-0-year': 'svcEditErrorYear',
      'fig-2-source': 'svcEditErrorFigureSource',
      'src-1-kind': 'svcEditErrorKind',
    });
  });

  it('sends a year of five digits for the registry to refuse (its range is the record schema’s)', () => {
    const form = figuresFormFromRecord(record, 'fr');
    form.figures[0]!.year = '20222';
    const { changes, local, figureBlocks, sourceBlocks } = figuresChanges(record, roundTrip(form));
    expect(local).toEqual({});
    expect((changes.keyFigures as Array<Record<string, unknown>>)[0]!.year).toBe(20222);
    expect(figuresFieldIds(figureBlocks, sourceBlocks)['keyFigures.0.year']).toBe('fig-0-year');
  });

  it('reads numbers as people write them', () => {
    expect([parseFigureValue('45'), parseFigureValue('12,5'), parseFigureValue('3 000'), parseFigureValue('3\u202f000,25')]).toEqual([
      45, 12.5, 3000, 3000.25,
    ]);
    for (const bad of ['', 'douze', '1e9', '12,5,3', 'Infinity', '0x10', '45 %']) expect(parseFigureValue(bad)).toBeNull();
  });

  it('keeps source keys unique and tied to what is stored, whatever is posted', () => {
    const data = posted(figuresFormFromRecord(record, 'fr'));
    data.set(sourceFieldId(1, 'key'), 's0');
    const form = readFiguresForm(data, 'fr', record);
    expect(form.sources.map((s) => s.key)).toEqual(['s0', 's1']);
    data.set(sourceFieldId(1, 'from'), '');
    data.set(sourceFieldId(1, 'key'), 's0');
    expect(new Set(readFiguresForm(data, 'fr', record).sources.map((s) => s.key)).size).toBe(2);
  });

  it('puts the registry’s refusals beside the right figure and source, in our words where we have them', () => {
    // Figure block 1 was left empty: the registry's keyFigures.1 is block 2.
    const problems = editProblems(
      {
        code: 'VALIDATION_FAILED',
        message: 'The record is not valid.',
        fields: [
          { field: 'keyFigures.1.year', code: 'OUT_OF_RANGE', message: 'must be at most 2200.' },
          { field: 'keyFigures.1.description', code: 'WRONG_TYPE', message: 'must be an object.' },
          { field: 'sources.0.url', code: 'INVALID_FORMAT', message: 'must be an absolute http(s) URL, e.g. https://example.org.' },
          { field: 'sources.0.notes.fr', code: 'TOO_LONG', message: 'must be at most 1000 characters.' },
          { field: 'sources.0.publisher', code: 'TOO_LONG', message: 'must be at most 300 characters.' },
        ],
      },
      figuresFieldIds([0, 2], [0]),
      figuresFieldMessages(2, 1),
    );
    expect(problems).toEqual({
      fields: {
        'fig-2-year': { key: 'svcEditErrorYear' },
        'fig-2-description': { key: 'svcEditErrorFigureDescription' },
        'src-0-url': { key: 'svcEditErrorUrl' },
        'src-0-note': { text: 'must be at most 1000 characters.', lang: 'en' },
        'src-0-publisher': { text: 'must be at most 300 characters.', lang: 'en' },
      },
      general: [],
    });
  });

  it('says which languages the figures and notes are written in, for the tabs', () => {
    expect(['fr', 'en', 'ar'].map((lang) => hasFigureTextsIn(record, lang))).toEqual([true, true, false]);
  });
});
