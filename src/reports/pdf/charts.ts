/**
 * Vector charts drawn with pdfkit paths: horizontal bars, paired bars, histogram and lines.
 * Each chart is one tagged Figure with alternative text; legends are text, series differ by
 * colour and (for lines) dash pattern.
 */
import type { BarChartModel, ChartTick, HistogramModel, LineChartModel, PairedBarChartModel } from '../report-model.types';
import { ensureSpace, fitLine, tagged, type PdfContext } from './document';
import { COLOURS, FONTS, SERIES, SIZES } from './theme';

const LABEL = SIZES.small;
const TITLE_HEIGHT = 18;

function title(ctx: PdfContext, text: string, y: number): void {
  ctx.doc.font(FONTS.bold).fontSize(SIZES.h3).fillColor(COLOURS.text);
  ctx.doc.text(text, ctx.left, y, { width: ctx.width, lineBreak: false });
}

/** Vertical grid lines with value labels under a horizontal value axis. */
function valueAxis(ctx: PdfContext, ticks: ChartTick[], x0: number, width: number, top: number, bottom: number): void {
  const { doc } = ctx;
  doc.font(FONTS.regular).fontSize(LABEL - 0.5).fillColor(COLOURS.muted);
  for (const t of ticks) {
    const x = x0 + t.fraction * width;
    doc.moveTo(x, top).lineTo(x, bottom).lineWidth(0.4).strokeColor(COLOURS.grid).stroke();
    const w = doc.widthOfString(t.label);
    const lx = Math.min(Math.max(x - w / 2, x0 - 4), x0 + width - w + 4);
    doc.text(t.label, lx, bottom + 3, { lineBreak: false });
  }
}

function legend(ctx: PdfContext, names: string[], y: number, line = false): void {
  const { doc } = ctx;
  let x = ctx.left;
  doc.font(FONTS.regular).fontSize(LABEL).fillColor(COLOURS.text);
  names.forEach((name, i) => {
    const s = SERIES[i % SERIES.length];
    if (line) {
      doc.moveTo(x, y + 4.5).lineTo(x + 18, y + 4.5).lineWidth(s.width).lineCap('round').strokeColor(s.colour);
      if (s.dash) doc.dash(s.dash[0], { space: s.dash[1] });
      doc.stroke().undash().lineCap('butt');
      x += 22;
    } else {
      doc.rect(x, y + 0.5, 9, 9).fill(i === 0 ? COLOURS.primary : COLOURS.light);
      x += 13;
    }
    doc.fillColor(COLOURS.text).text(name, x, y, { lineBreak: false });
    x += doc.widthOfString(name) + 16;
  });
}

function labelColumn(ctx: PdfContext, labels: string[]): number {
  ctx.doc.font(FONTS.regular).fontSize(LABEL);
  const widest = Math.max(...labels.map((l) => ctx.doc.widthOfString(l)), 40);
  return Math.min(widest + 10, ctx.width * 0.3);
}

const BAR = 13;
const BAR_GAP = 7;
const PAIR_BAR = 10;
const PAIR_GAP = 9;
const PAIR_GROUP = PAIR_BAR * 2 + 2 + PAIR_GAP;

/** Space the charts take, so headings can be kept with them. */
export const chartHeight = {
  bars: (chart: BarChartModel) => TITLE_HEIGHT + chart.bars.length * (BAR + BAR_GAP) + 22,
  paired: (chart: PairedBarChartModel) => TITLE_HEIGHT + 16 + chart.groups.length * PAIR_GROUP + 22,
  histogram: (plotHeight = 120) => TITLE_HEIGHT + 14 + plotHeight + 34,
  line: (plotHeight = 130) => TITLE_HEIGHT + 18 + plotHeight + 22,
};

export function horizontalBarChart(ctx: PdfContext, chart: BarChartModel): void {
  const { doc } = ctx;
  const bar = BAR;
  const gap = BAR_GAP;
  const labelWidth = labelColumn(ctx, chart.bars.map((b) => b.label));
  const valueRoom = 70;
  const plotX = ctx.left + labelWidth;
  const plotW = ctx.width - labelWidth - valueRoom;
  const height = chartHeight.bars(chart);
  ensureSpace(ctx, height);
  const top = doc.y;
  tagged(ctx, 'Figure', () => {
    title(ctx, chart.title, top);
    const plotTop = top + TITLE_HEIGHT;
    const plotBottom = plotTop + chart.bars.length * (bar + gap);
    valueAxis(ctx, chart.ticks, plotX, plotW, plotTop, plotBottom);
    chart.bars.forEach((b, i) => {
      const y = plotTop + i * (bar + gap) + gap / 2;
      doc.font(FONTS.regular).fontSize(LABEL).fillColor(COLOURS.text);
      doc.text(fitLine(doc, b.label, labelWidth - 8), ctx.left, y + 2, { lineBreak: false });
      const w = Math.max(b.fraction * plotW, b.fraction > 0 ? 1.5 : 0);
      doc.rect(plotX, y, w, bar).fill(COLOURS.primary);
      doc.font(FONTS.regular).fontSize(LABEL).fillColor(COLOURS.text);
      doc.text(b.valueLabel, plotX + w + 4, y + 2, { lineBreak: false });
    });
    doc.moveTo(plotX, plotTop).lineTo(plotX, plotBottom).lineWidth(0.8).strokeColor(COLOURS.muted).stroke();
  }, { alt: chart.alt });
  doc.x = ctx.left;
  doc.y = top + height + 6;
}

export function pairedBarChart(ctx: PdfContext, chart: PairedBarChartModel): void {
  const { doc } = ctx;
  const bar = PAIR_BAR;
  const groupGap = PAIR_GAP;
  const groupH = PAIR_GROUP;
  const labelWidth = labelColumn(ctx, chart.groups.map((g) => g.label));
  const valueRoom = 70;
  const plotX = ctx.left + labelWidth;
  const plotW = ctx.width - labelWidth - valueRoom;
  const height = chartHeight.paired(chart);
  ensureSpace(ctx, height);
  const top = doc.y;
  tagged(ctx, 'Figure', () => {
    title(ctx, chart.title, top);
    legend(ctx, chart.seriesNames, top + TITLE_HEIGHT);
    const plotTop = top + TITLE_HEIGHT + 16;
    const plotBottom = plotTop + chart.groups.length * groupH;
    valueAxis(ctx, chart.ticks, plotX, plotW, plotTop, plotBottom);
    chart.groups.forEach((g, i) => {
      const y = plotTop + i * groupH + groupGap / 2;
      doc.font(FONTS.regular).fontSize(LABEL).fillColor(COLOURS.text);
      doc.text(fitLine(doc, g.label, labelWidth - 8), ctx.left, y + bar - 4, { lineBreak: false });
      g.values.forEach((v, j) => {
        const by = y + j * (bar + 2);
        const w = Math.max(v.fraction * plotW, v.fraction > 0 ? 1.5 : 0);
        doc.rect(plotX, by, w, bar).fill(j === 0 ? COLOURS.primary : COLOURS.light);
        doc.font(FONTS.regular).fontSize(LABEL - 0.5).fillColor(COLOURS.text);
        doc.text(v.valueLabel, plotX + w + 4, by + 1.2, { lineBreak: false });
      });
    });
    doc.moveTo(plotX, plotTop).lineTo(plotX, plotBottom).lineWidth(0.8).strokeColor(COLOURS.muted).stroke();
  }, { alt: chart.alt });
  doc.x = ctx.left;
  doc.y = top + height + 6;
}

/** Value ticks on a vertical axis with horizontal grid lines. */
function yAxis(ctx: PdfContext, ticks: ChartTick[], x0: number, x1: number, top: number, bottom: number): void {
  const { doc } = ctx;
  doc.font(FONTS.regular).fontSize(LABEL - 0.5).fillColor(COLOURS.muted);
  for (const t of ticks) {
    const y = bottom - t.fraction * (bottom - top);
    doc.moveTo(x0, y).lineTo(x1, y).lineWidth(0.4).strokeColor(COLOURS.grid).stroke();
    const w = doc.widthOfString(t.label);
    doc.text(t.label, x0 - w - 5, y - 3.5, { lineBreak: false });
  }
}

function yLabelWidth(ctx: PdfContext, ticks: ChartTick[]): number {
  ctx.doc.font(FONTS.regular).fontSize(LABEL - 0.5);
  return Math.max(...ticks.map((t) => ctx.doc.widthOfString(t.label)), 10) + 10;
}

export function histogram(ctx: PdfContext, chart: HistogramModel, plotHeight = 120): void {
  const { doc } = ctx;
  const axisRoom = yLabelWidth(ctx, chart.ticks);
  const plotX = ctx.left + axisRoom;
  const plotW = ctx.width - axisRoom;
  const height = chartHeight.histogram(plotHeight);
  ensureSpace(ctx, height);
  const top = doc.y;
  tagged(ctx, 'Figure', () => {
    title(ctx, chart.title, top);
    doc.font(FONTS.regular).fontSize(LABEL - 0.5).fillColor(COLOURS.muted);
    doc.text(chart.yAxisLabel, ctx.left, top + TITLE_HEIGHT, { lineBreak: false });
    const plotTop = top + TITLE_HEIGHT + 14;
    const plotBottom = plotTop + plotHeight;
    yAxis(ctx, chart.ticks, plotX, plotX + plotW, plotTop, plotBottom);
    const slot = plotW / chart.buckets.length;
    chart.buckets.forEach((b, i) => {
      const h = b.fraction * plotHeight;
      const x = plotX + i * slot + slot * 0.18;
      const w = slot * 0.64;
      if (h > 0) doc.rect(x, plotBottom - h, w, h).fill(COLOURS.primary);
      doc.font(FONTS.bold).fontSize(LABEL).fillColor(COLOURS.text);
      const cw = doc.widthOfString(b.countLabel);
      doc.text(b.countLabel, x + (w - cw) / 2, plotBottom - h - 11, { lineBreak: false });
      doc.font(FONTS.regular).fontSize(LABEL).fillColor(COLOURS.text);
      const lw = doc.widthOfString(b.label);
      doc.text(b.label, x + (w - lw) / 2, plotBottom + 4, { lineBreak: false });
    });
    doc.moveTo(plotX, plotBottom).lineTo(plotX + plotW, plotBottom).lineWidth(0.8).strokeColor(COLOURS.muted).stroke();
    doc.font(FONTS.regular).fontSize(LABEL - 0.5).fillColor(COLOURS.muted);
    const xw = doc.widthOfString(chart.xAxisLabel);
    doc.text(chart.xAxisLabel, plotX + (plotW - xw) / 2, plotBottom + 17, { lineBreak: false });
  }, { alt: chart.alt });
  doc.x = ctx.left;
  doc.y = top + height + 6;
}

export function lineChart(ctx: PdfContext, chart: LineChartModel, plotHeight = 130): void {
  const { doc } = ctx;
  const axisRoom = yLabelWidth(ctx, chart.yTicks);
  const plotX = ctx.left + axisRoom;
  const plotW = ctx.width - axisRoom - 8;
  const height = chartHeight.line(plotHeight);
  ensureSpace(ctx, height);
  const top = doc.y;
  tagged(ctx, 'Figure', () => {
    title(ctx, chart.title, top);
    legend(ctx, chart.series.map((s) => s.name), top + TITLE_HEIGHT, true);
    const plotTop = top + TITLE_HEIGHT + 18;
    const plotBottom = plotTop + plotHeight;
    yAxis(ctx, chart.yTicks, plotX, plotX + plotW, plotTop, plotBottom);
    doc.font(FONTS.regular).fontSize(LABEL - 0.5).fillColor(COLOURS.muted);
    for (const t of chart.xTicks) {
      const x = plotX + t.fraction * plotW;
      doc.moveTo(x, plotBottom).lineTo(x, plotBottom + 3).lineWidth(0.6).strokeColor(COLOURS.muted).stroke();
      const w = doc.widthOfString(t.label);
      doc.text(t.label, Math.min(x - w / 2, plotX + plotW - w + 6), plotBottom + 5, { lineBreak: false });
    }
    chart.series.forEach((s, i) => {
      if (s.points.length === 0) return;
      const style = SERIES[i % SERIES.length];
      // Step lines: balances change at a moment and hold until the next one.
      const pt = (p: { x: number; y: number }) => [plotX + p.x * plotW, plotBottom - p.y * plotHeight] as const;
      const [x0, y0] = pt(s.points[0]);
      doc.moveTo(x0, y0);
      let prevY = y0;
      for (const p of s.points.slice(1)) {
        const [x, y] = pt(p);
        doc.lineTo(x, prevY).lineTo(x, y);
        prevY = y;
      }
      doc.lineWidth(style.width).strokeColor(style.colour).lineJoin('round').lineCap('round');
      if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
      doc.stroke().undash().lineCap('butt');
    });
    doc.moveTo(plotX, plotTop).lineTo(plotX, plotBottom).lineTo(plotX + plotW, plotBottom).lineWidth(0.8).strokeColor(COLOURS.muted).stroke();
  }, { alt: chart.alt });
  doc.x = ctx.left;
  doc.y = top + height + 6;
}
