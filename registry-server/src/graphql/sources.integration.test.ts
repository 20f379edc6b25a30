// What readers are told of the sources, over real HTTP on a seeded node: each source by title,
// publisher, kind and date (never only by its file name), its note in the reader's language
// when translated, and each key figure tied to the source and date it comes from, so that
// "45 interpreters (proceedings, 2021)" and "about a dozen (leaflet, undated)" can be told apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

const SOURCE = 'title publisher kind date url';

describe('sources of a listing', () => {
  it('names every source of every seeded listing by title, publisher and kind', async () => {
    const { body } = await node.query(
      `{ initiatives(first: 100) { edges { node { slug sources { ${SOURCE} } } } }
         goodPractices(first: 100) { edges { node { slug sources { ${SOURCE} } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const all = [...body.data.initiatives.edges, ...body.data.goodPractices.edges].flatMap((e: any) => e.node.sources);
    expect(all.length).toBeGreaterThan(20);
    for (const source of all) {
      expect(source.title).not.toMatch(/\.txt$/);
      expect(source.publisher).toEqual(expect.any(String));
      expect(source.kind).toEqual(expect.any(String));
    }
  });

  it("gives Univerbal's leaflet as undated and the proceedings as of 10 December 2021", async () => {
    const { body } = await node.query(`{ initiative(slug: "univerbal") { sources { ${SOURCE} } } }`);
    expect(body.errors).toBeUndefined();
    const sources = body.data.initiative.sources;
    expect(sources).toContainEqual({
      title: 'Économie sociale et migrations : 3 pratiques innovantes',
      publisher: 'Le Monde des Possibles ASBL',
      kind: 'LEAFLET',
      date: null,
      url: null,
    });
    expect(sources).toContainEqual(
      expect.objectContaining({
        kind: 'PROCEEDINGS',
        date: '2021-12-10',
        publisher: 'Ville de Liège, CEPAG ASBL, Le Monde des Possibles ASBL',
      }),
    );
  });

  it('gives the note in the reader language when it is translated, and says when it is not', async () => {
    const { body } = await node.query(
      '{ initiative(slug: "univerbal") { sources { kind fr: notes(lang: "fr") { text language isFallback } de: notes(lang: "de") { language isFallback } } } }',
    );
    expect(body.errors).toBeUndefined();
    const leaflet = body.data.initiative.sources.find((s: any) => s.kind === 'LEAFLET');
    expect(leaflet.fr).toMatchObject({ language: 'fr', isFallback: false });
    expect(leaflet.fr.text).toMatch(/Profil d'Univerbal/);
    expect(leaflet.de.isFallback).toBe(true);
  });

  it('ties each key figure to its source, so differing figures say when each is from', async () => {
    const { body } = await node.query(
      '{ initiative(slug: "univerbal") { keyFigures { value year sourceReference { kind date publisher } } } }',
    );
    expect(body.errors).toBeUndefined();
    const figures = body.data.initiative.keyFigures;
    expect(figures.find((f: any) => f.value === 45)).toEqual({
      value: 45,
      year: 2021,
      sourceReference: { kind: 'PROCEEDINGS', date: '2021-12-10', publisher: 'Ville de Liège, CEPAG ASBL, Le Monde des Possibles ASBL' },
    });
    expect(figures.find((f: any) => f.value === 10)).toEqual({
      value: 10,
      year: null,
      sourceReference: { kind: 'LEAFLET', date: null, publisher: 'Le Monde des Possibles ASBL' },
    });
  });

  it('lists the catalogue of source documents', async () => {
    const { body } = await node.query('{ sourceDocuments { file title publisher date kind url } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.sourceDocuments).toHaveLength(5);
    expect(body.data.sourceDocuments[0]).toEqual({
      file: '000_bd848de1ef2cb090.txt',
      title: 'Sirius – guide méthodologique',
      publisher: 'Le Monde des Possibles ASBL',
      date: '2017',
      kind: 'GUIDE',
      url: null,
    });
  });
});
