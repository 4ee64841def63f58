/**
 * Tables that wrap text inside their cells, break across pages and repeat the header row on
 * every new page. A cell never grows past `maxLines` lines: longer text ends in an ellipsis.
 */
import type { TableModel } from '../report-model.types';
import { artifact, group, newPage, tagged, typeset, type PdfContext } from './document';
import { paragraph } from './text';
import { COLOURS, FONTS, SIZES } from './theme';

export interface TableOptions {
  fontSize?: number;
  /** cells are cut off with an ellipsis beyond this many lines */
  maxLines?: number;
  zebra?: boolean;
  /** less padding, for the one-page justification */
  dense?: boolean;
}

const PAD_X = 4;
const LINE_GAP = 1;

interface Layout {
  x: number[];
  w: number[];
  size: number;
  lineHeight: number;
  maxLines: number;
  padY: number;
}

/**
 * The narrowest a column may be: its longest header word, and for right-aligned (numeric)
 * columns the widest value, so that amounts never wrap.
 */
function minWidth(ctx: PdfContext, table: TableModel, i: number, size: number): number {
  const column = table.columns[i];
  let widest = Math.max(...column.header.split(/\s+/).map((w) => textWidth(ctx, w, true, size)));
  if (column.align === 'left') {
    // Room for the longest unbreakable word (glued dates, amounts), but a long title may not take over.
    const cap = ctx.width * 0.3;
    const words = new Set<string>();
    for (const row of table.rows) for (const w of cellText(ctx, row[i]).split(/[ \n]/)) words.add(w);
    let word = 0;
    for (const w of words) {
      word = Math.max(word, textWidth(ctx, w, false, size));
      if (word >= cap) break;
    }
    widest = Math.max(widest, Math.min(word, cap));
  } else {
    const lines = new Set<string>();
    for (const row of table.rows) for (const t of cellText(ctx, row[i]).split('\n')) lines.add(t);
    for (const t of lines) widest = Math.max(widest, textWidth(ctx, t, false, size));
    if (table.totalRow) widest = Math.max(widest, textWidth(ctx, typeset(table.totalRow[i] ?? ''), true, size));
  }
  return widest + 2 * PAD_X + 1;
}

/**
 * Width of `text` in the table font, remembered per document: a 10,000-row appendix repeats the
 * same dates, amounts and words thousands of times, and measuring them is most of a table's cost.
 */
const widthCache = new WeakMap<object, Map<string, number>>();
function textWidth(ctx: PdfContext, text: string, bold: boolean, size: number): number {
  let cache = widthCache.get(ctx.doc);
  if (!cache) widthCache.set(ctx.doc, (cache = new Map()));
  const key = `${bold ? 'b' : 'r'}${size}|${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    ctx.doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(size);
    cache.set(key, (w = ctx.doc.widthOfString(text)));
  }
  return w;
}

/** `typeset(raw)`, remembered per document (a cell's text is needed for its width, height and drawing). */
const typesetCache = new WeakMap<object, Map<string, string>>();
function cellText(ctx: PdfContext, raw: string | undefined): string {
  let cache = typesetCache.get(ctx.doc);
  if (!cache) typesetCache.set(ctx.doc, (cache = new Map()));
  let text = cache.get(raw ?? '');
  if (text === undefined) cache.set(raw ?? '', (text = typeset(raw ?? '')));
  return text;
}

/** Whether `text` fits on one line of `width`: then it needs no line wrapping to measure or draw. */
function oneLine(ctx: PdfContext, text: string, width: number, bold: boolean, size: number): boolean {
  return !text.includes('\n') && textWidth(ctx, text, bold, size) < width - 0.5;
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
  return { x, w, size, lineHeight: ctx.doc.currentLineHeight(true) + LINE_GAP, maxLines: options.maxLines ?? 6, padY: options.dense ? 1.8 : 3.2 };
}

/** Height of the cell text, capped at maxLines (plus a hair so the last line still fits). */
function cellHeight(ctx: PdfContext, l: Layout, raw: string, width: number, bold: boolean): number {
  const text = cellText(ctx, raw);
  const single = text === '' || oneLine(ctx, text, width, bold, l.size);
  ctx.doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(l.size);
  // one line is what heightOfString would measure for it: the font's line height plus the gap
  const h = single ? ctx.doc.currentLineHeight(true) + LINE_GAP : ctx.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  return Math.min(h, l.maxLines * l.lineHeight) + 0.5;
}

function rowHeight(ctx: PdfContext, l: Layout, cells: string[], bold: boolean): number {
  return Math.max(...cells.map((c, i) => cellHeight(ctx, l, c, l.w[i] - 2 * PAD_X, bold))) + 2 * l.padY;
}

interface CellStyle {
  bold: boolean;
  colour: string;
  tag: 'TH' | 'TD' | null;
  /** header cells sit on the bottom line, as in financial tables */
  bottom?: boolean;
}

function drawCells(ctx: PdfContext, table: TableModel, l: Layout, cells: string[], top: number, h: number, style: CellStyle): void {
  const { doc } = ctx;
  const { bold, colour, tag: cellType } = style;
  cells.forEach((raw, i) => {
    const text = cellText(ctx, raw);
    const width = l.w[i] - 2 * PAD_X;
    const offset = style.bottom ? h - 2 * l.padY - cellHeight(ctx, l, raw, width, bold) : 0;
    const y = top + l.padY + Math.max(0, offset);
    const single = text !== '' && oneLine(ctx, text, width, bold, l.size);
    const paint = () => {
      doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(l.size).fillColor(colour);
      if (single) {
        // fits on one line: place it ourselves rather than through pdfkit's line wrapper
        const x = l.x[i] + PAD_X + (table.columns[i].align === 'right' ? width - textWidth(ctx, text, bold, l.size) : 0);
        doc.text(text, x, y, { lineBreak: false });
        return;
      }
      doc.text(text, l.x[i] + PAD_X, y, {
        width,
        height: h - 2 * l.padY,
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
      drawCells(ctx, table, l, heads, top, h, { bold: true, colour: COLOURS.white, tag: null, bottom: true });
    }, 'Pagination');
  } else {
    artifact(ctx, () => doc.rect(ctx.left, top, ctx.width, h).fill(COLOURS.primary));
    group(ctx, 'TR', () => drawCells(ctx, table, l, heads, top, h, { bold: true, colour: COLOURS.white, tag: 'TH', bottom: true }));
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
  const pageRoom = ctx.bottom - ctx.top;
  // Short tables move to the next page whole (if they fit on one); long ones keep header and first row together.
  const whole = table.rows.length <= KEEP_TOGETHER_ROWS ? measureTable(ctx, table, options) : 0;
  if ((whole <= pageRoom && doc.y + whole > ctx.bottom) || doc.y + headHeight + firstRow > ctx.bottom) newPage(ctx);
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
      group(ctx, 'TR', () => drawCells(ctx, table, l, cells, top, h, { bold, colour: COLOURS.text, tag: 'TD' }));
      doc.y = top + h;
    });
  });
  doc.x = ctx.left;
  doc.y += options.dense ? 5 : 8;
  doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text);
}
