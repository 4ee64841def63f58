/**
 * Document factory for the reports: A4, embedded fonts, metadata, tagged PDF (PDF 1.7 with a
 * structure tree and Locale), running header and "Pagina X van Y" footer on buffered pages.
 */
import type { Locale } from '../../common/locale';
import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../report-model.types';
import { COLOURS, FONTS, PAGE, SIZES } from './theme';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;
/** Structure element options; pdfkit 0.20 also reads `scope` for table headers (not in @types/pdfkit). */
export interface StructOptions {
  title?: string;
  lang?: string;
  alt?: string;
  actual?: string;
  scope?: 'Row' | 'Column' | 'Both';
}

export interface PdfContext {
  doc: Doc;
  /** the structure element new content is attached to */
  parent: Struct;
  left: number;
  /** y where content starts on a new page */
  top: number;
  width: number;
  /** y where content must stop */
  bottom: number;
  done: Promise<Buffer>;
}

export interface DocumentOptions {
  /** narrower top and bottom margins, to keep a justification on one page */
  compact?: boolean;
}

export function createReportDocument(meta: DocumentMeta, options: DocumentOptions = {}): PdfContext {
  const margins = options.compact ? { ...PAGE.margins, top: 54, bottom: 46 } : { ...PAGE.margins };
  const doc = new PDFDocument({
    size: PAGE.size,
    margins,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    autoFirstPage: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'Doorbraakbudget',
      Producer: 'Doorbraakbudget (pdfkit)',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONTS.regular, require.resolve(FONTS.files.regular));
  doc.registerFont(FONTS.bold, require.resolve(FONTS.files.bold));
  doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text).lineGap(SIZES.lineGap);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    parent: root,
    left: margins.left,
    top: margins.top,
    width: doc.page.width - margins.left - margins.right,
    bottom: doc.page.height - margins.bottom,
    done,
  };
}

/** Draw decoration that is not content (rules, backgrounds, running header) as an Artifact. */
export function artifact(ctx: PdfContext, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  ctx.doc.markContent('Artifact', { type });
  ctx.doc.save();
  draw();
  ctx.doc.restore();
  ctx.doc.endMarkedContent();
}

/** Attach a structure element (`P`, `H1`, `Figure`, …) whose content `draw` paints. */
export function tagged(ctx: PdfContext, type: string, draw: () => void, options: StructOptions = {}): void {
  ctx.parent.add(ctx.doc.struct(type, options, [draw]));
}

/** Run `body` with a grouping element (`Sect`, `Table`, `L`, …) as the parent of new content. */
export function group(ctx: PdfContext, type: string, body: (el: Struct) => void, options: StructOptions = {}): void {
  const el = ctx.doc.struct(type, options);
  ctx.parent.add(el);
  const outer = ctx.parent;
  ctx.parent = el;
  try {
    body(el);
  } finally {
    ctx.parent = outer;
    el.end();
  }
}

export function newPage(ctx: PdfContext): void {
  ctx.doc.addPage();
  ctx.doc.x = ctx.left;
  ctx.doc.y = ctx.top;
}

/** Start a new page when fewer than `height` points are left. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (ctx.doc.y + height > ctx.bottom) newPage(ctx);
}

/**
 * Typographic fixes before layout: the euro sign stays with its amount (no-break space), so a
 * range like "€ 1,00 – € 2,00" only wraps at the dash; dates ("3 feb. 2026 09:00") do not wrap.
 */
export function typeset(text: string): string {
  return text
    .replace(/€ /g, '€\u00a0')
    .replace(/(\d) (uur|dagen|hours?|days?)\b/g, '$1\u00a0$2')
    .replace(/\b(\d{1,2}) ([A-Za-z]{3,4}\.?) (\d{4})(?: (\d{2}:\d{2}))?/g, (_m, d: string, mon: string, y: string, t?: string) =>
      [d, mon, y, t].filter(Boolean).join('\u00a0'),
    );
}

/** Shorten `text` with an ellipsis until it fits on one line of `width`. */
export function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let t = text;
  while (t.length > 1 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

/** Running header and footer on every page (but the cover), then end the document. */
export function finishDocument(ctx: PdfContext, meta: DocumentMeta, options: { skipFirstPage: boolean }): Promise<Buffer> {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const right = ctx.left + ctx.width;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const pageNo = String(i - range.start + 1);
    const total = String(range.count);
    const footerY = doc.page.height - Math.min(PAGE.footerOffset, doc.page.margins.bottom - 14);
    artifact(ctx, () => {
      doc.font(FONTS.regular).fontSize(SIZES.small).fillColor(COLOURS.muted);
      const pageLabel = meta.pageOf.replace('{page}', pageNo).replace('{pages}', total);
      const pageWidth = doc.widthOfString(pageLabel);
      doc.text(pageLabel, right - pageWidth, footerY, { lineBreak: false });
      doc.text(fitLine(doc, meta.footerLeft, ctx.width - pageWidth - 24), ctx.left, footerY, { lineBreak: false });
      if (options.skipFirstPage && i === range.start) return;
      doc.font(FONTS.bold).fillColor(COLOURS.primary);
      const title = fitLine(doc, meta.headerTitle, ctx.width * 0.45);
      const headerY = Math.min(PAGE.headerY, ctx.top - 34);
      doc.text(title, ctx.left, headerY, { lineBreak: false });
      const titleWidth = doc.widthOfString(title);
      doc.font(FONTS.regular).fillColor(COLOURS.muted);
      const fund = fitLine(doc, meta.headerFund, ctx.width - titleWidth - 24);
      doc.text(fund, right - doc.widthOfString(fund), headerY, { lineBreak: false });
      doc.moveTo(ctx.left, headerY + 14).lineTo(right, headerY + 14).lineWidth(0.6).strokeColor(COLOURS.rule).stroke();
    }, 'Pagination');
  }
  doc.end();
  return ctx.done;
}
