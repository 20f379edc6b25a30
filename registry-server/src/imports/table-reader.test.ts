import { describe, expect, it } from 'vitest';
import { readTable } from './table-reader.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('reading a table', () => {
  it('reads comma, semicolon and tab separated files, with a byte-order mark and quoted cells', async () => {
    const expected = {
      headers: ['name', 'city'],
      rows: [
        ['a;b, c', 'Liège'],
        ['say "hi"\nthen go', 'Gent'],
      ],
    };
    expect(await readTable(text('\uFEFFname;city\r\n"a;b, c";Liège\r\n"say ""hi""\nthen go";Gent\r\n'))).toEqual(expected);
    expect(await readTable(text('name,city\n"a;b, c",Liège\n"say ""hi""\nthen go",Gent\n'))).toEqual(expected);
    expect(await readTable(text('name\tcity\n"a;b, c"\tLiège\n"say ""hi""\nthen go"\tGent\n'))).toEqual(expected);
  });

  it("reads a one-column file (csv-parse's own separator discovery took a letter for the separator)", async () => {
    expect(await readTable(text('name\nalpha\nbeta\n'))).toEqual({ headers: ['name'], rows: [['alpha'], ['beta']] });
  });

  it('reads a Windows-1252 file saved "as CSV"', async () => {
    const bytes = new Uint8Array([...text('name;city\nCaf'), 0xe9, ...text(';Li'), 0xe8, ...text('ge\n')]);
    expect((await readTable(bytes)).rows).toEqual([['Café', 'Liège']]);
  });

  it('pads short rows, drops empty ones, and names unnamed columns', async () => {
    expect(await readTable(text('name,,city\n\nalpha\n,,\nbeta,x,Gent,extra\n'))).toEqual({
      headers: ['name', 'column 2', 'city'],
      rows: [
        ['alpha', '', ''],
        ['beta', 'x', 'Gent'],
      ],
    });
  });

  it('keeps cells that look like formulas as text', async () => {
    expect((await readTable(text('name\n=HYPERLINK("http://x")\n+1\n-2\n@SUM(A1)\n'))).rows.flat()).toEqual([
      '=HYPERLINK("http://x")',
      '+1',
      '-2',
      '@SUM(A1)',
    ]);
  });

  it('refuses what it cannot read, saying what to do', async () => {
    await expect(readTable(text(''))).rejects.toThrow(/empty/);
    await expect(readTable(text('name\n'))).rejects.toThrow(/no data rows/);
    await expect(readTable(text('name\n"unclosed\n'))).rejects.toThrow(/could not be read/);
    await expect(readTable(text(`name\n${'x,'.repeat(0)}${'a'.repeat(20_001)}\n`))).rejects.toThrow(/longer than 20000/);
    await expect(readTable(text(`${Array.from({ length: 201 }, (_, i) => `c${i}`).join(',')}\nx\n`))).rejects.toThrow(/201 columns/);
    await expect(readTable(new Uint8Array([0x50, 0x4b, 1, 2, 3]))).rejects.toThrow(/XLSX file could not be opened/);
  });
});
