import { describe, expect, it } from 'vitest';
import { DIAGRAM_WIDTH, ROW_HEIGHT, STAGE_DASHES, layOutTransfers, type TransferToLay } from './transfer-layout.ts';

const t = (from: string, to: string, stage: TransferToLay['stage']): TransferToLay => ({
  from: { slug: from, city: from.toUpperCase() },
  to: { slug: to, city: to.toUpperCase() },
  stage,
});

describe('layOutTransfers', () => {
  it('gives each transfer its own row, grouped by source, and sets each source level with the middle of its rows', () => {
    const layout = layOutTransfers([t('liege', 'milano', 'ADAPTING'), t('gent', 'sofia', 'ADOPTING'), t('liege', 'athina', 'REUSED')]);
    expect(layout.rows.map((r) => `${r.city}:${r.stage}`)).toEqual(['MILANO:ADAPTING', 'ATHINA:REUSED', 'SOFIA:ADOPTING']);
    expect(layout.sources.map((s) => s.city)).toEqual(['LIEGE', 'GENT']);
    const [liege, gent] = layout.sources;
    expect(liege!.y).toBe((layout.rows[0]!.y + layout.rows[1]!.y) / 2);
    expect(gent!.y).toBe(layout.rows[2]!.y);
    // Rows never overlap, and everything fits in the drawing.
    for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i]!.y - layout.rows[i - 1]!.y).toBe(ROW_HEIGHT);
    for (const y of [...layout.rows, ...layout.sources].map((p) => p.y)) {
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(layout.height);
    }
  });

  it('draws one arrow per transfer, from its source to its row, left to right', () => {
    const layout = layOutTransfers([t('liege', 'milano', 'ADAPTING'), t('liege', 'athina', 'DROPPED')]);
    expect(layout.arrows).toHaveLength(2);
    for (const [i, arrow] of layout.arrows.entries()) {
      expect(arrow.y1).toBe(layout.sources[0]!.y);
      expect(arrow.y2).toBe(layout.rows[i]!.y);
      expect(arrow.stage).toBe(layout.rows[i]!.stage);
      expect(arrow.x1).toBeGreaterThan(layout.sources[0]!.x);
      expect(arrow.x2).toBeLessThan(layout.rows[i]!.x);
      expect(arrow.x2).toBeGreaterThan(arrow.x1);
    }
    expect(new Set(layout.arrows.map((a) => a.key)).size).toBe(2);
  });

  it('mirrors the columns in a right-to-left language, so arrows point the reading way', () => {
    const ltr = layOutTransfers([t('liege', 'milano', 'REUSED')]);
    const rtl = layOutTransfers([t('liege', 'milano', 'REUSED')], { rtl: true });
    expect(rtl.sources[0]!.x).toBe(DIAGRAM_WIDTH - ltr.sources[0]!.x);
    expect(rtl.rows[0]!.x).toBe(DIAGRAM_WIDTH - ltr.rows[0]!.x);
    expect(rtl.arrows[0]!.x2).toBeLessThan(rtl.arrows[0]!.x1);
    expect([rtl.sources[0]!.anchor, rtl.rows[0]!.anchor]).toEqual(['start', 'end']);
    expect([ltr.sources[0]!.anchor, ltr.rows[0]!.anchor]).toEqual(['end', 'start']);
  });

  it('gives every stage a line of its own (beside its written label)', () => {
    expect(new Set(Object.values(STAGE_DASHES)).size).toBe(4);
  });

  it('keeps a drawing with no transfer small and empty', () => {
    const layout = layOutTransfers([]);
    expect(layout).toMatchObject({ sources: [], rows: [], arrows: [] });
    expect(layout.height).toBeGreaterThan(0);
  });
});
