/**
 * Text blocks: headings, paragraphs, key-figure tiles, label/value lists and callouts.
 */
import type { FigureTone, KeyFigure, LabelValue } from '../report-model.types';
import { artifact, ensureSpace, fitLine, group, tagged, typeset, type PdfContext } from './document';
import { COLOURS, FONTS, SIZES } from './theme';

/** A heading, kept on one page with at least `keepWith` points of what follows. */
const outlineParents = new WeakMap<object, PDFKit.PDFOutline>();

export function heading(
  ctx: PdfContext,
  text: string,
  level: 1 | 2 | 3,
  keepWith = level === 1 ? 90 : 60,
  place: { x?: number; width?: number } = {},
): void {
  const { doc } = ctx;
  const size = level === 1 ? SIZES.h1 : level === 2 ? SIZES.h2 : SIZES.h3;
  ensureSpace(ctx, size * 2 + 16 + Math.min(keepWith, ctx.bottom - 200));
  doc.y += level === 1 ? 4 : level === 2 ? 8 : 2;
  doc.font(FONTS.bold).fontSize(size).fillColor(level === 3 ? COLOURS.text : COLOURS.primary);
  const y = doc.y;
  tagged(ctx, `H${level}`, () => {
    doc.text(text, place.x ?? ctx.left, y, { width: place.width ?? ctx.width, lineGap: 1 });
  });
  // the PDF outline (bookmarks): chapters, and their sections beneath them
  if (level === 1) outlineParents.set(doc, doc.outline.addItem(text));
  else if (level === 2) (outlineParents.get(doc) ?? doc.outline).addItem(text);
  if (level === 1) {
    const ruleY = doc.y + 2;
    artifact(ctx, () => {
      doc.moveTo(ctx.left, ruleY).lineTo(ctx.left + 40, ruleY).lineWidth(2).strokeColor(COLOURS.light).stroke();
    });
    doc.y = ruleY + 8;
  } else {
    doc.y += level === 2 ? 3 : 2;
  }
  doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text);
}

/** A clickable link (label: URL), tagged as a Link inside its paragraph. */
export function linkParagraph(ctx: PdfContext, label: string, url: string, size = SIZES.small + 0.5): void {
  const { doc } = ctx;
  const text = `${typeset(label)}: `;
  doc.font(FONTS.regular).fontSize(size);
  ensureSpace(ctx, doc.heightOfString(text + url, { width: ctx.width }) + 2);
  const y = doc.y;
  group(ctx, 'P', () => {
    tagged(ctx, 'Span', () => {
      doc.fillColor(COLOURS.text).text(text, ctx.left, y, { width: ctx.width, continued: true, lineGap: SIZES.lineGap });
    });
    tagged(ctx, 'Link', () => {
      doc.fillColor(COLOURS.primary).text(url, { link: url, underline: true, lineGap: SIZES.lineGap });
    });
  });
  doc.x = ctx.left;
  doc.y += 2;
  doc.fillColor(COLOURS.text);
}

export interface ParagraphOptions {
  size?: number;
  colour?: string;
  bold?: boolean;
  x?: number;
  width?: number;
  gapAfter?: number;
}

export function paragraph(ctx: PdfContext, raw: string, options: ParagraphOptions = {}): void {
  const { doc } = ctx;
  const text = typeset(raw);
  const size = options.size ?? SIZES.body;
  const x = options.x ?? ctx.left;
  const width = options.width ?? ctx.width;
  doc.font(options.bold ? FONTS.bold : FONTS.regular).fontSize(size).fillColor(options.colour ?? COLOURS.text);
  ensureSpace(ctx, Math.min(doc.heightOfString(text, { width }), size * 4));
  const y = doc.y;
  tagged(ctx, 'P', () => {
    doc.text(text, x, y, { width, lineGap: SIZES.lineGap });
  });
  doc.x = ctx.left;
  doc.y += options.gapAfter ?? 5;
  doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text);
}

function toneColours(tone: FigureTone | undefined): { bar: string; value: string } {
  if (tone === 'warning') return { bar: COLOURS.warning, value: COLOURS.warning };
  if (tone === 'positive') return { bar: COLOURS.positive, value: COLOURS.positive };
  return { bar: COLOURS.accent, value: COLOURS.primary };
}

export interface KeyFigureOptions {
  columns?: number;
  valueSize?: number;
  labelSize?: number;
  /** inner padding at top and bottom */
  padding?: number;
}

/** Tiles in a grid: small label, large value, optional note. */
export function keyFigures(ctx: PdfContext, raw: KeyFigure[], options: KeyFigureOptions = {}): void {
  const { doc } = ctx;
  const columns = options.columns ?? 3;
  const valueSize = options.valueSize ?? SIZES.figure;
  const labelSize = options.labelSize ?? SIZES.small;
  const pad = options.padding ?? 7;
  const figures = raw.map((f) => ({ ...f, value: typeset(f.value), note: f.note && typeset(f.note) }));
  const gap = columns > 4 ? 6 : 10;
  const tileWidth = (ctx.width - gap * (columns - 1)) / columns;
  const inner = tileWidth - 16;
  const heightOf = (f: KeyFigure) => {
    doc.font(FONTS.regular).fontSize(labelSize);
    let h = doc.heightOfString(f.label, { width: inner });
    doc.font(FONTS.bold).fontSize(valueSize);
    h += doc.heightOfString(f.value, { width: inner }) + 1;
    if (f.note) {
      doc.font(FONTS.regular).fontSize(labelSize - 0.5);
      h += doc.heightOfString(f.note, { width: inner });
    }
    return h + 2 * pad;
  };
  group(ctx, 'Div', () => {
    for (let i = 0; i < figures.length; i += columns) {
      const row = figures.slice(i, i + columns);
      const rowHeight = Math.max(...row.map(heightOf));
      ensureSpace(ctx, rowHeight + gap);
      const top = doc.y;
      row.forEach((f, j) => {
        const x = ctx.left + j * (tileWidth + gap);
        const colours = toneColours(f.tone);
        artifact(ctx, () => {
          doc.rect(x, top, tileWidth, rowHeight).fill(f.tone === 'warning' ? COLOURS.warningTint : COLOURS.tint);
          doc.rect(x, top, 3, rowHeight).fill(colours.bar);
        });
        tagged(ctx, 'P', () => {
          doc.font(FONTS.regular).fontSize(labelSize).fillColor(COLOURS.muted);
          doc.text(f.label, x + 10, top + pad, { width: inner });
          doc.font(FONTS.bold).fontSize(valueSize).fillColor(colours.value);
          doc.text(f.value, x + 10, doc.y + 1, { width: inner });
          if (f.note) {
            doc.font(FONTS.regular).fontSize(labelSize - 0.5).fillColor(COLOURS.muted);
            doc.text(f.note, x + 10, doc.y, { width: inner });
          }
        });
      });
      doc.x = ctx.left;
      doc.y = top + rowHeight + gap;
    }
  });
  doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text);
}

export interface LabelValueOptions {
  labelWidth?: number;
  size?: number;
  x?: number;
  width?: number;
}

/** Two columns: muted label on the left, wrapping value on the right. */
export function labelValues(ctx: PdfContext, items: LabelValue[], options: LabelValueOptions = {}): void {
  const { doc } = ctx;
  const labelWidth = options.labelWidth ?? 130;
  const size = options.size ?? SIZES.body;
  const x = options.x ?? ctx.left;
  const valueWidth = (options.width ?? ctx.width) - labelWidth;
  group(ctx, 'Div', () => {
    for (const { label, value } of items) {
      const item = { label, value: typeset(value) };
      doc.font(FONTS.regular).fontSize(size);
      const valueHeight = doc.heightOfString(item.value, { width: valueWidth });
      doc.font(FONTS.bold).fontSize(size);
      const h = Math.max(valueHeight, doc.heightOfString(item.label, { width: labelWidth - 8 }));
      ensureSpace(ctx, h + 3);
      const y = doc.y;
      tagged(ctx, 'P', () => {
        doc.font(FONTS.bold).fontSize(size).fillColor(COLOURS.muted);
        doc.text(item.label, x, y, { width: labelWidth - 8 });
        doc.font(FONTS.regular).fontSize(size).fillColor(COLOURS.text);
        doc.text(item.value, x + labelWidth, y, { width: valueWidth });
      });
      doc.x = ctx.left;
      doc.y = y + h + 3;
    }
  });
}

/** A tinted box with a coloured bar, for the underspend warning and similar remarks. */
export function callout(ctx: PdfContext, raw: string, tone: FigureTone): void {
  const { doc } = ctx;
  const text = typeset(raw);
  const { bar } = toneColours(tone);
  doc.font(FONTS.regular).fontSize(SIZES.body);
  const inner = ctx.width - 24;
  const h = doc.heightOfString(text, { width: inner }) + 14;
  ensureSpace(ctx, h + 8);
  const top = doc.y;
  artifact(ctx, () => {
    doc.rect(ctx.left, top, ctx.width, h).fill(tone === 'warning' ? COLOURS.warningTint : tone === 'positive' ? COLOURS.positiveTint : COLOURS.tint);
    doc.rect(ctx.left, top, 4, h).fill(bar);
  });
  tagged(ctx, 'P', () => {
    doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text);
    doc.text(text, ctx.left + 14, top + 7, { width: inner });
  });
  doc.x = ctx.left;
  doc.y = top + h + 8;
}

/** Label/value pairs set one after another, wrapping between pairs: "Status Betaald · Mandaat …". */
export function inlineFacts(ctx: PdfContext, items: LabelValue[], size: number = SIZES.body): void {
  const { doc } = ctx;
  const sep = '  ·  ';
  doc.font(FONTS.regular).fontSize(size);
  const sepWidth = doc.widthOfString(sep);
  const lineHeight = doc.currentLineHeight(true) + 2;
  const measured = items.map((item) => {
    doc.font(FONTS.bold).fontSize(size);
    const label = `${item.label} `;
    const lw = doc.widthOfString(label);
    doc.font(FONTS.regular).fontSize(size);
    const value = fitLine(doc, item.value, ctx.width - lw);
    return { label, value, lw, width: lw + doc.widthOfString(value) };
  });
  let lines = 1;
  let x = 0;
  const placed = measured.map((m) => {
    const start = x === 0 ? 0 : x + sepWidth;
    if (x > 0 && start + m.width > ctx.width) {
      lines += 1;
      x = m.width;
      return { ...m, line: lines - 1, x: 0, sep: false };
    }
    x = start + m.width;
    return { ...m, line: lines - 1, x: start, sep: start > 0 };
  });
  ensureSpace(ctx, lines * lineHeight);
  const top = doc.y;
  group(ctx, 'P', () => {
    for (const p of placed) {
      const y = top + p.line * lineHeight;
      if (p.sep) {
        artifact(ctx, () => {
          doc.font(FONTS.regular).fontSize(size).fillColor(COLOURS.muted);
          doc.text(sep, ctx.left + p.x - sepWidth, y, { lineBreak: false });
        });
      }
      tagged(ctx, 'Span', () => {
        doc.font(FONTS.bold).fontSize(size).fillColor(COLOURS.muted).text(p.label, ctx.left + p.x, y, { lineBreak: false });
        doc.font(FONTS.regular).fontSize(size).fillColor(COLOURS.text).text(p.value, ctx.left + p.x + p.lw, y, { lineBreak: false });
      });
    }
  });
  doc.x = ctx.left;
  doc.y = top + lines * lineHeight + 3;
}
