/**
 * Lays out the justification of one request, for the file: one A4 page where the content
 * allows. Layout only; every text comes formatted from buildJustificationModel.
 */
import { createReportDocument, finishDocument, group, tagged } from '../pdf/document';
import { drawTable } from '../pdf/table';
import { heading, inlineFacts, labelValues, paragraph } from '../pdf/text';
import { COLOURS, FONTS, SIZES } from '../pdf/theme';
import type { JustificationModel } from '../report-model.types';

const SMALL = 7.8;
const TABLE = 7.5;

export function renderJustificationPdf(model: JustificationModel): Promise<Buffer> {
  const ctx = createReportDocument(model.meta, { compact: true });
  const { doc } = ctx;
  const half = (ctx.width - 18) / 2;

  group(ctx, 'Sect', () => {
    const y = doc.y;
    tagged(ctx, 'H1', () => {
      doc.font(FONTS.bold).fontSize(14).fillColor(COLOURS.primary);
      doc.text(model.requestTitle, ctx.left, y, { width: ctx.width, lineGap: 1 });
    });
    doc.y += 6;

    const top = doc.y;
    heading(ctx, model.what.heading, 3, 60, { width: half });
    labelValues(ctx, model.what.facts, { labelWidth: 88, size: SMALL, width: half });
    const leftBottom = doc.y;
    doc.y = top;
    heading(ctx, model.forWhom.heading, 3, 60, { x: ctx.left + half + 18, width: half });
    labelValues(ctx, model.forWhom.facts, { labelWidth: 100, size: SMALL, x: ctx.left + half + 18, width: half });
    doc.y = Math.max(leftBottom, doc.y) + 2;
    inlineFacts(ctx, model.process, SMALL);

    heading(ctx, model.why.heading, 3);
    paragraph(ctx, model.why.justification, { size: SMALL + 0.3, gapAfter: 3 });
    if (model.why.barriers) labelValues(ctx, [model.why.barriers], { labelWidth: 100, size: SMALL });

    heading(ctx, model.provisions.heading, 3);
    drawTable(ctx, model.provisions.table, { fontSize: TABLE, dense: true });

    heading(ctx, `${model.route.heading} (${model.route.priceYear})`, 3);
    drawTable(ctx, model.route.table, { fontSize: TABLE, dense: true });
    // net first (the headline), the requester's gross estimate last on the same lines
    inlineFacts(ctx, [...model.route.figures, model.route.gross], SMALL + 0.3);
    paragraph(ctx, [model.route.headline, ...model.route.notes].join(' · '), { size: 7, colour: COLOURS.muted, gapAfter: 2 });

    heading(ctx, model.decision.heading, 3);
    inlineFacts(ctx, model.decision.summary, SMALL + 0.3);
    // one approval is in the summary line already; two (the four-eyes tier) get their table
    if (model.decision.approvals.rows.length > 1) drawTable(ctx, model.decision.approvals, { fontSize: TABLE, dense: true });
    drawTable(ctx, model.decision.history, { fontSize: TABLE, dense: true });

    heading(ctx, model.payments.heading, 3);
    drawTable(ctx, model.payments.table, { fontSize: TABLE, dense: true });

    if (model.route.sources.length) {
      paragraph(ctx, model.route.sourcesHeading, { size: 7, bold: true, colour: COLOURS.muted, gapAfter: 1 });
      for (const s of model.route.sources) paragraph(ctx, s, { size: 6.6, colour: COLOURS.muted, gapAfter: 1 });
    }
  });

  return finishDocument(ctx, model.meta, { skipFirstPage: false });
}
