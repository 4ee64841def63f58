/**
 * Lays out the steering-group report model as a tagged A4 PDF. Layout only: every figure and
 * text comes formatted from buildSteeringReportModel.
 */
import { artifact, createReportDocument, finishDocument, group, newPage, tagged, typeset, type PdfContext } from '../pdf/document';
import { chartHeight, histogram, horizontalBarChart, lineChart, pairedBarChart } from '../pdf/charts';
import { drawTable, measureTable } from '../pdf/table';
import { callout, heading, keyFigures, labelValues, linkParagraph, paragraph } from '../pdf/text';
import { COLOURS, FONTS, SIZES } from '../pdf/theme';
import type { SteeringReportModel, Vignette } from '../report-model.types';

function cover(ctx: PdfContext, model: SteeringReportModel): void {
  const { doc } = ctx;
  const c = model.cover;
  const bandHeight = 210;
  artifact(ctx, () => {
    doc.rect(0, 0, doc.page.width, bandHeight).fill(COLOURS.primary);
    doc.rect(ctx.left, bandHeight - 36, 48, 4).fill(COLOURS.light);
  });
  group(ctx, 'Sect', () => {
    tagged(ctx, 'P', () => {
      doc.font(FONTS.regular).fontSize(11).fillColor(COLOURS.light);
      doc.text(c.kicker, ctx.left, 92, { width: ctx.width });
    });
    tagged(ctx, 'H1', () => {
      doc.font(FONTS.bold).fontSize(SIZES.coverTitle).fillColor(COLOURS.white);
      doc.text(c.title, ctx.left, 110, { width: ctx.width * 0.85, lineGap: 2 });
    });
    doc.y = bandHeight + 28;
    labelValues(ctx, c.facts, { labelWidth: 110, size: 10.5 });
    doc.y += 18;
    heading(ctx, c.summaryHeading, 2);
    group(ctx, 'L', () => {
      for (const line of c.summary) {
        const y = doc.y;
        doc.font(FONTS.regular).fontSize(10.5);
        tagged(ctx, 'LI', () => {
          doc.fillColor(COLOURS.accent).text('•', ctx.left, y, { lineBreak: false });
          doc.fillColor(COLOURS.text).text(typeset(line), ctx.left + 14, y, { width: ctx.width - 14, lineGap: 2 });
        });
        doc.y += 6;
      }
    });
    doc.y = Math.max(doc.y + 12, ctx.bottom - 60);
    callout(ctx, c.anonymised, 'normal');
  });
}

/** Height of a vignette below its title, so that one is never split over two pages. */
function vignetteHeight(ctx: PdfContext, v: Vignette): number {
  const { doc } = ctx;
  doc.font(FONTS.regular).fontSize(SIZES.body);
  const quote = doc.heightOfString(typeset(v.quote), { width: ctx.width - 18 });
  doc.fontSize(SIZES.small + 0.5);
  const lines = v.routeLines.reduce((h, l) => h + doc.heightOfString(`• ${typeset(l)}`, { width: ctx.width }) + 1, 0);
  return 20 + quote + v.figures.length * 13 + 16 + lines;
}

function vignette(ctx: PdfContext, v: Vignette): void {
  const { doc } = ctx;
  group(ctx, 'Sect', () => {
    heading(ctx, v.title, 3, vignetteHeight(ctx, v));
    paragraph(ctx, v.context, { size: SIZES.small, colour: COLOURS.muted, gapAfter: 4 });
    doc.font(FONTS.regular).fontSize(SIZES.body);
    const quote = typeset(v.quote);
    const h = doc.heightOfString(quote, { width: ctx.width - 18 });
    const top = doc.y;
    if (top + h > ctx.bottom) newPage(ctx);
    const y = doc.y;
    artifact(ctx, () => doc.rect(ctx.left, y, 3, h).fill(COLOURS.light));
    tagged(ctx, 'BlockQuote', () => {
      doc.font(FONTS.regular).fontSize(SIZES.body).fillColor(COLOURS.text);
      doc.text(quote, ctx.left + 14, y, { width: ctx.width - 18 });
    });
    doc.x = ctx.left;
    doc.y += 6;
    labelValues(ctx, v.figures, { labelWidth: 170, size: SIZES.small + 0.5 });
    doc.y += 2;
    paragraph(ctx, v.routeHeading, { size: SIZES.small + 0.5, bold: true, gapAfter: 2, colour: COLOURS.muted });
    for (const line of v.routeLines) paragraph(ctx, `• ${line}`, { size: SIZES.small + 0.5, gapAfter: 1 });
    doc.y += 10;
  });
}

export function renderSteeringReportPdf(model: SteeringReportModel): Promise<Buffer> {
  const ctx = createReportDocument(model.meta);
  cover(ctx, model);

  const k = model.keyFigures;
  newPage(ctx);
  group(ctx, 'Sect', () => {
    heading(ctx, k.heading, 1);
    paragraph(ctx, k.asOf, { size: SIZES.small + 0.5, colour: COLOURS.muted, gapAfter: 4 });
    keyFigures(ctx, k.figures);
    callout(ctx, k.pace.text, k.pace.underspend ? 'warning' : 'positive');
    heading(ctx, k.trend.heading, 2, measureTable(ctx, k.trend.table) + 40);
    for (const p of k.trend.intro) paragraph(ctx, p, { size: SIZES.small + 0.5, colour: COLOURS.muted, gapAfter: 3 });
    drawTable(ctx, k.trend.table);
    lineChart(ctx, k.burnDown);
    if (k.funds) {
      heading(ctx, k.fundsHeading, 2, measureTable(ctx, k.funds));
      drawTable(ctx, k.funds);
    }
    heading(ctx, k.contributionsHeading, 2, measureTable(ctx, k.contributions));
    drawTable(ctx, k.contributions);
  });

  const r = model.requests;
  group(ctx, 'Sect', () => {
    heading(ctx, r.heading, 1, measureTable(ctx, r.counts));
    drawTable(ctx, r.counts);
    drawTable(ctx, r.tiers);
    drawTable(ctx, r.neighbourhoods);
  });

  const s = model.speed;
  group(ctx, 'Sect', () => {
    heading(ctx, s.heading, 1, 150);
    paragraph(ctx, s.intro);
    keyFigures(ctx, s.figures, { columns: 4 });
    histogram(ctx, s.histogram, 100);
    heading(ctx, s.overdueHeading, 2, measureTable(ctx, s.overdue));
    drawTable(ctx, s.overdue);
    if (s.overdueNote) paragraph(ctx, s.overdueNote, { size: SIZES.small, colour: COLOURS.muted });
  });

  const sp = model.spending;
  group(ctx, 'Sect', () => {
    heading(ctx, sp.heading, 1, chartHeight.bars(sp.chart));
    horizontalBarChart(ctx, sp.chart);
    drawTable(ctx, sp.byLifeDomain);
    heading(ctx, sp.byOrganisationHeading, 2, measureTable(ctx, sp.byOrganisation));
    drawTable(ctx, sp.byOrganisation);
  });

  const c = model.comparison;
  newPage(ctx);
  group(ctx, 'Sect', () => {
    heading(ctx, c.heading, 1);
    paragraph(ctx, c.intro);
    keyFigures(ctx, c.figures);
    pairedBarChart(ctx, c.chart);
    heading(ctx, c.whoPaysHeading, 2, measureTable(ctx, c.whoPays) + 40);
    paragraph(ctx, c.whoPaysIntro, { size: SIZES.small + 0.5, colour: COLOURS.muted });
    // six money columns: a smaller size keeps amounts and ranges on one line
    drawTable(ctx, c.whoPays, { fontSize: 7.2 });
    callout(ctx, c.cashNote, 'normal');
    heading(ctx, c.sensitivityHeading, 2, measureTable(ctx, c.sensitivity) + 30);
    paragraph(ctx, c.sensitivityIntro, { size: SIZES.small + 0.5, colour: COLOURS.muted });
    drawTable(ctx, c.sensitivity);
    drawTable(ctx, c.byConfidence);
  });

  const re = model.realised;
  group(ctx, 'Sect', () => {
    heading(ctx, re.heading, 1, 140);
    paragraph(ctx, re.intro);
    keyFigures(ctx, re.figures, { columns: 4 });
    drawTable(ctx, re.table);
    if (re.more) paragraph(ctx, re.more, { size: SIZES.small, colour: COLOURS.muted });
    const cal = re.calibration;
    heading(ctx, cal.heading, 2, measureTable(ctx, cal.byItem) + 60);
    paragraph(ctx, cal.intro, { size: SIZES.small + 0.5, colour: COLOURS.muted });
    drawTable(ctx, cal.byItem);
    heading(ctx, cal.byOrganisationHeading, 3, measureTable(ctx, cal.byOrganisation));
    drawTable(ctx, cal.byOrganisation);
  });

  const b = model.barriers;
  group(ctx, 'Sect', () => {
    heading(ctx, b.heading, 1, measureTable(ctx, b.table) + 30);
    paragraph(ctx, b.intro);
    drawTable(ctx, b.table);
  });

  const v = model.vignettes;
  group(ctx, 'Sect', () => {
    heading(ctx, v.heading, 1, 40 + (v.items[0] ? vignetteHeight(ctx, v.items[0]) + 24 : 0));
    paragraph(ctx, v.intro);
    if (v.items.length === 0) paragraph(ctx, v.emptyText, { colour: COLOURS.muted });
    for (const item of v.items) vignette(ctx, item);
  });

  const a = model.appendix;
  newPage(ctx);
  group(ctx, 'Sect', () => {
    heading(ctx, a.heading, 1);
    paragraph(ctx, a.intro, { size: SIZES.small + 0.5, colour: COLOURS.muted });
    if (a.note) paragraph(ctx, a.note, { size: SIZES.small + 0.5, colour: COLOURS.muted });
    drawTable(ctx, a.table, { fontSize: 7.8 });
  });

  const m = model.methodology;
  newPage(ctx);
  group(ctx, 'Sect', () => {
    heading(ctx, m.heading, 1);
    for (const p of m.paragraphs) paragraph(ctx, p, { size: SIZES.small + 0.8, gapAfter: 4 });
    heading(ctx, m.bandsHeading, 2, measureTable(ctx, m.bands));
    drawTable(ctx, m.bands);
    heading(ctx, m.cpiHeading, 2);
    paragraph(ctx, m.cpiNote, { size: SIZES.small + 0.8 });
    heading(ctx, m.catalogueHeading, 2, 120);
    // sources are what an auditor follows up: room for the longest one in the catalogue, URL included
    drawTable(ctx, m.catalogue, { fontSize: 7.4, maxLines: 16 });
    if (m.links.length) {
      heading(ctx, m.linksHeading, 2);
      for (const link of m.links) linkParagraph(ctx, link.label, link.url);
    }
  });

  // the complete lists, as files inside the PDF (the tables show the top N)
  for (const file of model.attachments) {
    ctx.doc.file(Buffer.from(file.csv, 'utf8'), { name: file.name, type: 'text/csv', description: file.description });
  }

  return finishDocument(ctx, model.meta, { skipFirstPage: true });
}
