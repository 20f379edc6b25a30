import { describe, expect, it } from 'vitest';
import { csvCell, separatorFor, toCsv, UTF8_BOM } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text as it is, accents and Arabic included', () => {
    expect(csvCell('Liège', ',')).toBe('Liège');
    expect(csvCell('ترجمة فورية', ',')).toBe('ترجمة فورية');
  });

  it('quotes the separator, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Cuisine, traiteur', ',')).toBe('"Cuisine, traiteur"');
    expect(csvCell('Cuisine, traiteur', ';')).toBe('Cuisine, traiteur');
    expect(csvCell('ASBL; coopérative', ';')).toBe('"ASBL; coopérative"');
    expect(csvCell('Le "Monde" des Possibles', ',')).toBe('"Le ""Monde"" des Possibles"');
    expect(csvCell('ligne 1\nligne 2', ',')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('a\r\nb', ';')).toBe('"a\r\nb"');
  });

  it('keeps cells that look like formulas as text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")', ',')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csvCell('+32 4 123 45 67', ',')).toBe("'+32 4 123 45 67");
    expect(csvCell('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvCell('-1', ';')).toBe("'-1");
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and ends every row with CRLF', () => {
    const csv = toCsv(
      ['Nom', 'Ville'],
      [
        ['Univerbal', 'Liège'],
        ['Sirius, coopérative', 'Liège'],
      ],
      ',',
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Nom,Ville\r\nUniverbal,Liège\r\n"Sirius, coopérative",Liège\r\n');
  });

  it('encodes to UTF-8 bytes that start with EF BB BF and keep accents and Arabic', () => {
    const bytes = new TextEncoder().encode(toCsv(['الاسم'], [['Liège']], ','));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFالاسم\r\nLiège\r\n');
  });

  it('writes only a header row when the list is empty', () => {
    expect(toCsv(['a', 'b'], [], ';')).toBe(`${UTF8_BOM}a;b\r\n`);
  });
});

describe('separatorFor', () => {
  it('uses ";" where decimals are written with a comma, as Excel does there', () => {
    for (const lang of ['fr', 'de', 'it', 'nl', 'el', 'bg', 'sl']) expect(separatorFor(lang), lang).toBe(';');
  });

  it('uses "," for English and Arabic', () => {
    expect(separatorFor('en')).toBe(',');
    expect(separatorFor('ar')).toBe(',');
  });
});

describe('csvCell, formulas in disguise', () => {
  it('keeps as text a formula sign behind spaces or a line break, and the full-width signs', () => {
    expect(csvCell(' =1+1', ',')).toBe("' =1+1");
    expect(csvCell('\u00a0=1+1', ',')).toBe("'\u00a0=1+1");
    expect(csvCell('\n=1+1', ',')).toBe('"\'\n=1+1"');
    expect(csvCell('\uff1d1+1', ',')).toBe("'\uff1d1+1");
    expect(csvCell('\uff20SUM(A1)', ';')).toBe("'\uff20SUM(A1)");
    // Words that only contain a sign further in stay as they are.
    expect(csvCell('Liège - centre', ',')).toBe('Liège - centre');
  });
});
