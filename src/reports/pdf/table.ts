/**
 * Tables that wrap text inside their cells, break across pages and repeat the header row on
 * every new page. A cell never grows past `maxLines` lines: longer text ends in an ellipsis.
 */
import type { TableModel } from '../report-model.types';
import { artifact, group, newPage, tagged, typeset, type PdfContext } from './document';
import { paragraph } from './text';
import { COLOURS, FONTS, PAGE, SIZES } from './theme';

export interface TableOptions {
  fontSize?: number;
  /** cells are cut off with an ellipsis beyond this many lines */
  maxLines?: number;
  zebra?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3.2;
const LINE_GAP = 1;

interface Layout {
  x: number[];
  w: number[];
  size: number;
  lineHeight: number;
  maxLines: number;
}

/**
 * The narrowest a column may be: its longest header word, and for right-aligned (numeric)
 * columns the widest value, so that amounts never wrap.
 */
function minWidth(ctx: PdfContext, table: TableModel, i: number, size: number): number {
  const { doc } = ctx;
  const column = table.columns[i];
  doc.font(FONTS.bold).fontSize(size);
  let widest = Math.max(...column.header.split(/\s+/).map((w) => doc.widthOfString(w)));
  if (column.align === 'right') {
    doc.font(FONTS.regular).fontSize(size);
    for (const row of table.rows) widest = Math.max(widest, ...typeset(row[i] ?? '').split('\n').map((t) => doc.widthOfString(t)));
    if (table.totalRow) {
      doc.font(FONTS.bold).fontSize(size);
      widest = Math.max(widest, doc.widthOfString(typeset(table.totalRow[i] ?? '')));
    }
  }
  return widest + 2 * PAD_X + 1;
}

/** Widths by weight, widened to their minimum; the difference comes from the other columns. */
function columnWidths(total: number, weights: number[], mins: number[]): number[] {
  const fixed = new Set<number>();
  let widths = weights.map(() => 0);
  for (let round = 0; round <= weights.length; round += 1) {
    const room = total - [...fixed].reduce((s, i) => s + mins[i], 0);
    const flexWeight = weights.reduce((s, w, i) => (fixed.has(i) ? s : s + w), 0);
    widths = weights.map((w, i) => (fixed.has(i) ? mins[i] : (room * w) / flexWeight));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < mins[i]);
    if (short === -1) return widths;
    fixed.add(short);
    if (fixed.size === weights.length) break;
  }
  const sumMins = mins.reduce((s, m) => s + m, 0);
  return mins.map((m) => (m * total) / sumMins);
}

function layout(ctx: PdfContext, table: TableModel, options: TableOptions): Layout {
  const size = options.fontSize ?? SIZES.table;
  const mins = table.columns.map((_, i) => minWidth(ctx, table, i, size));
  const w = columnWidths(ctx.width, table.columns.map((c) => c.weight), mins);
  const x = w.map((_, i) => ctx.left + w.slice(0, i).reduce((s, v) => s + v, 0));
  ctx.doc.font(FONTS.regular).fontSize(size);
  return { x, w, size, lineHeight: ctx.doc.currentLineHeight(true) + LINE_GAP, maxLines: options.maxLines ?? 6 };
}

/** Height of the cell text, capped at maxLines (plus a hair so the last line still fits). */
function cellHeight(ctx: PdfContext, l: Layout, raw: string, width: number, bold: boolean): number {
  const text = typeset(raw);
  ctx.doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(l.size);
  const h = text === '' ? l.lineHeight : ctx.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  return Math.min(h, l.maxLines * l.lineHeight) + 0.5;
}

function rowHeight(ctx: PdfContext, l: Layout, cells: string[], bold: boolean): number {
  return Math.max(...cells.map((c, i) => cellHeight(ctx, l, c, l.w[i] - 2 * PAD_X, bold))) + 2 * PAD_Y;
}

function drawCells(ctx: PdfContext, table: TableModel, l: Layout, cells: string[], top: number, h: number, bold: boolean, colour: string, cellType: 'TH' | 'TD' | null): void {
  const { doc } = ctx;
  cells.forEach((raw, i) => {
    const text = typeset(raw);
    const width = l.w[i] - 2 * PAD_X;
    const paint = () => {
      doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(l.size).fillColor(colour);
      doc.text(text, l.x[i] + PAD_X, top + PAD_Y, {
        width,
        height: h - 2 * PAD_Y,
        ellipsis: true,
        align: table.columns[i].align,
        lineGap: LINE_GAP,
      });
    };
    if (cellType === null) paint();
    else tagged(ctx, cellType, paint, cellType === 'TH' ? { scope: 'Column' } : {});
  });
}

/** The header row: tagged the first time, an artifact when repeated on a following page. */
function header(ctx: PdfContext, table: TableModel, l: Layout, repeat: boolean): void {
  const { doc } = ctx;
  const heads = table.columns.map((c) => c.header);
  const h = rowHeight(ctx, l, heads, true);
  const top = doc.y;
  if (repeat) {
    artifact(ctx, () => {
      doc.rect(ctx.left, top, ctx.width, h).fill(COLOURS.primary);
      drawCells(ctx, table, l, heads, top, h, true, COLOURS.white, null);
    }, 'Pagination');
  } else {
    artifact(ctx, () => doc.rect(ctx.left, top, ctx.width, h).fill(COLOURS.primary));
    group(ctx, 'TR', () => drawCells(ctx, table, l, heads, top, h, true, COLOURS.white, 'TH'));
  }
  doc.y = top + h;
}

/** Tables up to this many rows move to the next page whole rather than split. */
const KEEP_TOGETHER_ROWS = 15;

/** Height of the table, or of its header and first rows when it is long. */
export function measureTable(ctx: PdfContext, table: TableModel, options: TableOptions = {}): number {
  if (table.rows.length === 0 && !table.totalRow) return 20;
  const l = layout(ctx, table, options);
  const rows = table.rows.slice(0, KEEP_TOGETHER_ROWS).map((cells) => rowHeight(ctx, l, cells, false));
  const total = table.totalRow && table.rows.length <= KEEP_TOGETHER_ROWS ? rowHeight(ctx, l, table.totalRow, true) : 0;
  const head = rowHeight(ctx, l, table.columns.map((c) => c.header), true);
  return head + rows.reduce((s, h) => s + h, 0) + total + 8;
}

export function drawTable(ctx: PdfContext, table: TableModel, options: TableOptions = {}): void {
  const { doc } = ctx;
  if (table.rows.length === 0 && !table.totalRow) {
    paragraph(ctx, table.emptyText, { colour: COLOURS.muted });
    return;
  }
  const l = layout(ctx, table, options);
  const headHeight = rowHeight(ctx, l, table.columns.map((c) => c.header), true);
  const firstRow = table.rows[0] ? rowHeight(ctx, l, table.rows[0], false) : 0;
  const pageRoom = ctx.bottom - PAGE.margins.top;
  const whole = table.rows.length <= KEEP_TOGETHER_ROWS ? measureTable(ctx, table, options) : Infinity;
  // Short tables move to the next page whole; long ones at least keep header and first row together.
  if (doc.y + Math.min(whole, pageRoom) > ctx.bottom || doc.y + headHeight + firstRow > ctx.bottom) newPage(ctx);
  const zebra = options.zebra ?? true;
  group(ctx, 'Table', () => {
    header(ctx, table, l, false);
    const body = table.rows.map((cells) => ({ cells, bold: false }));
    if (table.totalRow) body.push({ cells: table.totalRow, bold: true });
    body.forEach(({ cells, bold }, index) => {
      const h = rowHeight(ctx, l, cells, bold);
      if (doc.y + h > ctx.bottom) {
        newPage(ctx);
        header(ctx, table, l, true);
      }
      const top = doc.y;
      artifact(ctx, () => {
        if (bold) {
          doc.rect(ctx.left, top, ctx.width, h).fill(COLOURS.tint);
          doc.moveTo(ctx.left, top).lineTo(ctx.left + ctx.width, top).lineWidth(1).strokeColor(COLOURS.primary).stroke();
        } else if (zebra && index % 2 === 1) {
          doc.rect(ctx.left, top, ctx.width, h).fill(COLOURS.zebra);
        }
        doc.moveTo(ctx.left, top + h).lineTo(ctx.left + ctx.width, top + h).lineWidth(0.4).strokeColor(COLOURS.grid).stroke();
      });
      group(ctx, 'TR', () => drawCells(ctx, table, l, cells, top, h, bold, COLOURS.text, 'TD'));
      doc.y = top + h;
    });
  });
  doc.x = ctx.left;
  doc.y += 8;
  doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text);
}
