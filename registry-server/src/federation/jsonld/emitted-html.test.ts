// ActivityStreams `summary` and `content` are HTML (AS2 vocabulary, "summary": "encoded as HTML"),
// `name` is plain text. An editor's text put raw into an HTML field is markup for every receiver:
// "<img onerror=…>" becomes an element, "R&D" a broken entity. So every HTML field the node emits
// holds escaped text, and what it reads back from those fields is turned into text again.
import 'temporal-polyfill/global';
import { describe, expect, it } from 'vitest';
import { Article } from '@fedify/vocab';
import { goodPracticeFromJsonLd, goodPracticeToJsonLd } from './good-practice-jsonld.ts';
import { initiativeFromJsonLd, initiativeToJsonLd } from './initiative-jsonld.ts';
import { cityNodeFromJsonLd, cityNodeToJsonLd } from './city-node-jsonld.ts';
import { htmlToText } from './html-text.ts';
import {
  catalog,
  cityCentreOf,
  initiativeOptions,
  liege,
  overTheWire,
  practiceOptions,
  seedInitiative,
  seedPractice,
} from './jsonld-test-fixtures.ts';

const HOSTILE = 'R&D <img src=x onerror="alert(1)"> for <b>all</b> & more > less';

/** The HTML fields of a document: the plain ones and every language of their maps. */
function htmlValues(doc: Record<string, any>, key: 'summary' | 'content'): string[] {
  return [doc[key], ...Object.values(doc[`${key}Map`] ?? {})].filter((v): v is string => typeof v === 'string');
}

function expectEscaped(values: string[], text: string): void {
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) {
    expect(value).not.toContain('<img');
    expect(value).not.toContain('<b>');
    expect(value).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(htmlToText(value)).toBe(text);
  }
}

describe('HTML fields of emitted documents', () => {
  it('escape an initiative summary and description, which come back as the same text', () => {
    const record = { ...seedInitiative('univerbal'), summary: { fr: HOSTILE, en: HOSTILE }, description: { fr: HOSTILE, en: HOSTILE } };
    const json = overTheWire(initiativeToJsonLd(record, initiativeOptions(record))) as Record<string, any>;
    expectEscaped(htmlValues(json, 'summary'), HOSTILE);
    expectEscaped(htmlValues(json, 'content'), HOSTILE);
    const back = initiativeFromJsonLd(json, { catalog, nodeHandle: 'liege', cityCentre: cityCentreOf(record) });
    expect(back.valid).toBe(true);
    expect(back.record.summary).toEqual({ fr: HOSTILE, en: HOSTILE });
    expect(back.record.description).toEqual({ fr: HOSTILE, en: HOSTILE });
  });

  it('escape a good practice summary, which comes back as the same text', async () => {
    const record = { ...seedPractice('liege-pt6-public-procurement'), summary: { fr: HOSTILE, en: HOSTILE } };
    const json = overTheWire(goodPracticeToJsonLd(record, practiceOptions(record))) as Record<string, any>;
    expectEscaped(htmlValues(json, 'summary'), HOSTILE);
    expect(json.summary).toBe('R&amp;D &lt;img src=x onerror="alert(1)"&gt; for &lt;b&gt;all&lt;/b&gt; &amp; more &gt; less');
    expect(goodPracticeFromJsonLd(json, { catalog, nodeHandle: 'liege' }).record.summary).toEqual({ fr: HOSTILE, en: HOSTILE });
    // What Fedify (and so a Mastodon-like reader) gets is the escaped HTML.
    const article = await Article.fromJsonLd(json);
    expect(htmlToText(article.summary!.toString())).toBe(HOSTILE);
  });

  it('escape a city node summary, which comes back as the same text', () => {
    const record = { ...liege, summary: { fr: HOSTILE, en: HOSTILE } };
    const json = overTheWire(cityNodeToJsonLd(record, { id: 'https://liege.example/nodes/liege', catalog })) as Record<string, any>;
    expectEscaped(htmlValues(json, 'summary'), HOSTILE);
    expect(cityNodeFromJsonLd(json, { catalog, handle: 'liege' }).record.summary).toEqual({ fr: HOSTILE, en: HOSTILE });
  });
});
