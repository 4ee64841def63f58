/**
 * The sentences of the steering report that depend on a count or on a figure that may be missing.
 * Each picks a whole sentence for none, one or more (no "1 daarvan zijn"), never puts a dash for a
 * missing figure into running text (no "– van de spoedaanvragen"), and joins clauses with "; "
 * only before a clause that starts in lower case.
 */
import { fill, formatCount } from '../report-format';
import type { ReportLabels } from '../report-i18n';
import type { Locale } from '../../common/locale';

type Steering = ReportLabels['steering'];

/** "In deze periode zijn 3 aanvragen ingediend; daarvan is er 1 toegekend voor € 3.000,00." */
export function requestsSentence(S: Steering, locale: Locale, total: number, funded: number, cost: string): string {
  const t = S.summaryRequests;
  const values = { total: formatCount(total, locale), funded: formatCount(funded, locale), cost };
  if (total === 0) return t.none;
  if (total === 1) return fill(funded === 0 ? t.oneNone : t.oneOne, values);
  return fill(funded === 0 ? t.manyNone : funded === 1 ? t.manyOne : t.manyMany, values);
}

/** What the granted solutions avoid, net, with the requesters' gross estimate; null without granted requests. */
export function avoidedSentence(
  S: Steering,
  funded: number,
  values: { central: string; low: string; high: string; gross: string },
): string | null {
  if (funded === 0) return null;
  return fill(funded === 1 ? S.summaryAvoidedOne : S.summaryAvoided, values);
}

/** "Per uitgegeven euro …; de netto baat is …", or only the net benefit when nothing was spent. */
export function ratioSentence(S: Steering, ratio: string | null, net: string): string {
  return ratio === null ? fill(S.summaryRatioNone, { net }) : fill(S.summaryRatio, { ratio, net });
}

/**
 * Decision speed: the median (or that no budget holder decided yet) and the urgent requests: none,
 * the one in time or not, or the share of several.
 */
export function speedSentence(
  S: Steering,
  locale: Locale,
  median: string | null,
  urgent: { total: number; inTime: number; share: string },
): string {
  const first = median === null ? S.summaryNoDecisions : fill(S.summaryMedian, { median });
  const u = S.summaryUrgent;
  const second =
    urgent.total === 0
      ? u.none
      : urgent.total === 1
        ? urgent.inTime === 1 ? u.oneInTime : u.oneLate
        : fill(u.many, { n: formatCount(urgent.total, locale), share: urgent.share });
  return `${first}; ${second}.`;
}

/** "1 besluit", "12 besluiten". */
export function decisionsNote(S: Steering, locale: Locale, n: number): string {
  return n === 1 ? S.decidedOne : fill(S.decidedCount, { n: formatCount(n, locale) });
}

/** "nog geen follow-up aan de beurt", "1 van 1 follow-up vastgelegd", "2 van 5 follow-ups vastgelegd". */
export function coverageNote(S: Steering, locale: Locale, recorded: number, due: number): string {
  if (due === 0) return S.coverageNone;
  return fill(due === 1 ? S.coverageOne : S.coverageNote, { recorded: formatCount(recorded, locale), due: formatCount(due, locale) });
}

/** "nog geen follow-up vastgelegd", "1 van 1 aanvraag (…)", "2 van 3 aanvragen (…)". */
export function goalsNote(S: Steering, locale: Locale, reached: number, total: number): string {
  if (total === 0) return S.goalsNone;
  return fill(total === 1 ? S.goalsOne : S.goalsNote, { reached: formatCount(reached, locale), total: formatCount(total, locale) });
}

/** Rows left out of the follow-up table; null when none are. */
export function moreRowsNote(S: Steering, locale: Locale, n: number): string | null {
  if (n <= 0) return null;
  return n === 1 ? S.moreRowsOne : fill(S.moreRows, { n: formatCount(n, locale) });
}
