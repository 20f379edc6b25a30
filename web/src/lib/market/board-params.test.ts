import { describe, expect, it } from 'vitest';
import { boardFilter, boardHref, feedHref, isCalendarDay, readBoardParams } from './board-params.ts';

describe('market board parameters', () => {
  it('reads kinds, sector, place and closing day from the address, and gives the registry its filter', () => {
    const { params, problems } = readBoardParams(
      new URLSearchParams('kind=request&kind=offer&kind=request&sector=AM40&place=Li%C3%A8ge&closing=2027-03-31'),
    );
    expect(problems).toEqual([]);
    expect(boardFilter(params)).toEqual({
      openOnly: true,
      kind: ['REQUEST', 'OFFER'],
      sector: ['AM40'],
      locality: ['Liège'],
      closingBy: '2027-03-31',
    });
    expect(boardHref(params)).toBe('/market?kind=request&kind=offer&sector=AM40&place=Li%C3%A8ge&closing=2027-03-31');
  });

  it('reports a kind it does not know and a day the calendar does not have, and sends neither', () => {
    for (const closing of ['2027-02-30', '31/03/2027', '2027-3-1', 'tomorrow']) {
      const { params, problems } = readBoardParams(new URLSearchParams({ kind: 'bribe', closing }));
      expect(problems, closing).toEqual(['kind', 'closing']);
      expect(boardFilter(params), closing).toEqual({ openOnly: true });
    }
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
  });

  it('keeps an empty board address short and escapes the sector of a feed link', () => {
    expect(boardHref({ kinds: [], sector: '', place: '', closing: '' })).toBe('/market');
    expect(feedHref('AM40&x=1')).toBe('/market/feed.atom?sector=AM40%26x%3D1');
    expect(feedHref()).toBe('/market/feed.atom');
  });
});
