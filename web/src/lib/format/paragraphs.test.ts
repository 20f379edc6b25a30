import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './paragraphs.ts';

describe('splitParagraphs', () => {
  it('keeps a text without blank lines as one paragraph', () => {
    expect(splitParagraphs('Univerbal est un projet.')).toEqual(['Univerbal est un projet.']);
  });

  it('splits on blank lines, including lines of spaces and Windows line ends, and trims', () => {
    expect(splitParagraphs('  First.\n\nSecond.\r\n\r\nThird.\n \t \nFourth.  ')).toEqual(['First.', 'Second.', 'Third.', 'Fourth.']);
  });

  it('keeps single line breaks inside a paragraph and drops empty paragraphs', () => {
    expect(splitParagraphs('\n\nLine one\nline two\n\n\n\n')).toEqual(['Line one\nline two']);
    expect(splitParagraphs('   ')).toEqual([]);
  });

  it('leaves markup as text: it is escaped when rendered, never interpreted', () => {
    expect(splitParagraphs('<script>alert(1)</script>\n\n<b>x</b>')).toEqual(['<script>alert(1)</script>', '<b>x</b>']);
  });
});
