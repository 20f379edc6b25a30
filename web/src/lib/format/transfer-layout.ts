// Where the transfer diagram draws things (issue 16 point 2): the cities a practice comes from
// in one column, one row per transfer in the other (the adopting city and its stage, so an arrow
// never has to share its label), and an arrow from each source to each of its rows. Rows are
// grouped by source and each source sits level with the middle of its rows, so arrows do not
// cross. In a right-to-left language the columns swap, so the arrows follow the reading order.
// Pure geometry: the component (TransferDiagram.svelte) draws it and the table says it in words.

export type TransferStage = 'ADOPTING' | 'ADAPTING' | 'REUSED' | 'DROPPED';

export interface TransferToLay {
  from: { slug: string; city: string };
  to: { slug: string; city: string };
  stage: TransferStage;
}

export interface LaidSource {
  key: string;
  city: string;
  x: number;
  y: number;
  /** Which end of the text sits at x (SVG text-anchor). */
  anchor: 'start' | 'end';
}

export interface LaidRow {
  key: string;
  city: string;
  stage: TransferStage;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

export interface LaidArrow {
  key: string;
  stage: TransferStage;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TransferLayout {
  width: number;
  height: number;
  sources: LaidSource[];
  rows: LaidRow[];
  arrows: LaidArrow[];
}

/** The line of each stage: the stage is also written beside the arrow, so the style is never the only sign. */
export const STAGE_DASHES: Record<TransferStage, string | null> = {
  ADOPTING: '8 5',
  ADAPTING: '12 4 3 4',
  REUSED: null,
  DROPPED: '2 5',
};

export const DIAGRAM_WIDTH = 640;
export const ROW_HEIGHT = 44;
const PAD = 24;
/** The columns' text edges, and the arrows' ends, as fractions of the width. */
const SOURCE_EDGE = 0.3;
const ROW_EDGE = 0.55;
const GAP = 10;

export function layOutTransfers(transfers: readonly TransferToLay[], options: { rtl?: boolean } = {}): TransferLayout {
  const width = DIAGRAM_WIDTH;
  // A source's rows follow each other, sources in the order they first appear.
  const order: string[] = [];
  const bySource = new Map<string, TransferToLay[]>();
  for (const t of transfers) {
    if (!bySource.has(t.from.slug)) {
      order.push(t.from.slug);
      bySource.set(t.from.slug, []);
    }
    bySource.get(t.from.slug)!.push(t);
  }
  const mirror = (x: number) => (options.rtl ? width - x : x);
  const sourceX = mirror(width * SOURCE_EDGE);
  const rowX = mirror(width * ROW_EDGE);
  const sources: LaidSource[] = [];
  const rows: LaidRow[] = [];
  const arrows: LaidArrow[] = [];
  let index = 0;
  for (const slug of order) {
    const group = bySource.get(slug)!;
    const first = index;
    for (const t of group) {
      const y = PAD + ROW_HEIGHT * index + ROW_HEIGHT / 2;
      rows.push({
        key: `${slug}>${t.to.slug}#${index}`,
        city: t.to.city,
        stage: t.stage,
        x: rowX,
        y,
        anchor: options.rtl ? 'end' : 'start',
      });
      index++;
    }
    const y = PAD + ROW_HEIGHT * ((first + index) / 2);
    sources.push({ key: slug, city: group[0]!.from.city, x: sourceX, y, anchor: options.rtl ? 'start' : 'end' });
    for (const row of rows.slice(first))
      arrows.push({
        key: row.key,
        stage: row.stage,
        x1: sourceX + (options.rtl ? -GAP : GAP),
        y1: y,
        x2: rowX + (options.rtl ? GAP : -GAP),
        y2: row.y,
      });
  }
  return { width, height: PAD * 2 + ROW_HEIGHT * Math.max(1, index), sources, rows, arrows };
}
