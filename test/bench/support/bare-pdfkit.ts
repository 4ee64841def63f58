import PDFDocument from 'pdfkit';
import { FONTS } from '../../../src/reports/pdf/theme';
import type { SteeringReportModel, TableModel } from '../../../src/reports/report-model.types';

/** Every table of the steering model, in the order the report shows them. */
export function tablesOf(m: SteeringReportModel): { title: string; table: TableModel }[] {
  return [
    { title: m.keyFigures.contributionsHeading, table: m.keyFigures.contributions },
    { title: m.requests.heading, table: m.requests.counts },
    { title: '', table: m.requests.tiers },
    { title: m.speed.overdueHeading, table: m.speed.overdue },
    { title: m.spending.heading, table: m.spending.byLifeDomain },
    { title: m.spending.byOrganisationHeading, table: m.spending.byOrganisation },
    { title: m.comparison.whoPaysHeading, table: m.comparison.whoPays },
    { title: m.realised.heading, table: m.realised.table },
    { title: m.barriers.heading, table: m.barriers.table },
    { title: m.appendix.heading, table: m.appendix.table },
    { title: m.methodology.bandsHeading, table: m.methodology.bands },
    { title: m.methodology.catalogueHeading, table: m.methodology.catalogue },
  ];
}

/**
 * The baseline for the report renderer: a bare pdfkit script that draws the same tables from the
 * same in-memory model, with the same fonts, wrapping cells and page breaks — but no tagging,
 * no header repeat, no charts and no layout care.
 */
export function renderBare(model: SteeringReportModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 70, bottom: 62, left: 56, right: 56 } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('R', require.resolve(FONTS.files.regular));
  doc.registerFont('B', require.resolve(FONTS.files.bold));
  const left = 56;
  const width = doc.page.width - 112;
  const bottom = doc.page.height - 62;
  doc.font('B').fontSize(20).text(model.cover.title, left, 100, { width });
  for (const { title, table } of tablesOf(model)) {
    if (title) {
      if (doc.y + 40 > bottom) doc.addPage();
      doc.font('B').fontSize(11.5).text(title, left, doc.y + 10, { width });
    }
    const weight = table.columns.reduce((s, c) => s + c.weight, 0);
    const w = table.columns.map((c) => (width * c.weight) / weight);
    const rows = [table.columns.map((c) => c.header), ...table.rows, ...(table.totalRow ? [table.totalRow] : [])];
    rows.forEach((cells, r) => {
      doc.font(r === 0 ? 'B' : 'R').fontSize(8.3);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: w[i] - 8 }))) + 6;
      if (doc.y + h > bottom) doc.addPage();
      const top = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc.text(c, x + 4, top + 3, { width: w[i] - 8, height: h, align: table.columns[i].align });
        x += w[i];
      });
      doc.y = top + h;
    });
  }
  doc.end();
  return done;
}
