import { labelsFor } from '../report-i18n';
import { steeringFixture } from '../../../test/reports/fixtures/report-fixtures';
import { buildSteeringReportModel } from './steering-report.model';
import {
  avoidedSentence, coverageNote, decisionsNote, goalsNote, moreRowsNote, ratioSentence, requestsSentence, speedSentence,
} from './steering-report.sentences';

const nl = labelsFor('nl').steering;
const en = labelsFor('en').steering;
/** A capitalised word right after a semicolon ("; Geen"); acronyms ("; CPI") are not sentence starts. */
const CAPITAL_AFTER_SEMICOLON = /;\s+\p{Lu}\p{Ll}/u;

describe('steering report sentences with 0, 1 and 2', () => {
  it('counts submitted and granted requests in Dutch without "1 daarvan zijn"', () => {
    expect([
      requestsSentence(nl, 'nl', 0, 0, '€ 0,00'),
      requestsSentence(nl, 'nl', 1, 0, '€ 0,00'),
      requestsSentence(nl, 'nl', 1, 1, '€ 500,00'),
      requestsSentence(nl, 'nl', 2, 0, '€ 0,00'),
      requestsSentence(nl, 'nl', 2, 1, '€ 500,00'),
      requestsSentence(nl, 'nl', 2, 2, '€ 900,00'),
    ]).toEqual([
      'In deze periode zijn geen aanvragen ingediend.',
      'In deze periode is 1 aanvraag ingediend; die is niet toegekend.',
      'In deze periode is 1 aanvraag ingediend; die is toegekend voor € 500,00.',
      'In deze periode zijn 2 aanvragen ingediend; daarvan is er geen toegekend.',
      'In deze periode zijn 2 aanvragen ingediend; daarvan is er 1 toegekend voor € 500,00.',
      'In deze periode zijn 2 aanvragen ingediend; daarvan zijn er 2 toegekend voor in totaal € 900,00.',
    ]);
  });

  it('counts them in English with singular and plural', () => {
    expect([
      requestsSentence(en, 'en', 0, 0, '€ 0.00'),
      requestsSentence(en, 'en', 1, 1, '€ 500.00'),
      requestsSentence(en, 'en', 2, 1, '€ 500.00'),
      requestsSentence(en, 'en', 1000, 2, '€ 900.00'),
    ]).toEqual([
      'No requests were submitted in this period.',
      'In this period 1 request was submitted; it was granted for € 500.00.',
      'In this period 2 requests were submitted; 1 of them was granted for € 500.00.',
      'In this period 1,000 requests were submitted; 2 of them were granted for a total of € 900.00.',
    ]);
  });

  it('speaks of one solution or of several, and of none at all when nothing was granted', () => {
    const v = { central: '€ 2,00', low: '€ 1,00', high: '€ 3,00', gross: '€ 4,00' };
    expect(avoidedSentence(nl, 0, v)).toBeNull();
    expect(avoidedSentence(nl, 1, v)).toMatch(/^Die oplossing vermijdt naar verwachting € 2,00 .*; de aanvrager schatte zelf € 4,00\.$/);
    expect(avoidedSentence(nl, 2, v)).toMatch(/^Die oplossingen vermijden naar verwachting € 2,00 .*; de aanvragers schatten zelf € 4,00\.$/);
    expect(avoidedSentence(en, 1, v)).toMatch(/^This solution is expected to avoid/);
  });

  it('puts no dash into a sentence for a missing ratio or median, or for no urgent requests', () => {
    expect(ratioSentence(nl, null, '€ 10,00')).toBe('Er is geen geld uitgegeven; de netto baat is € 10,00.');
    expect([
      speedSentence(nl, 'nl', null, { total: 0, inTime: 0, share: '–' }),
      speedSentence(nl, 'nl', '5,0 uur', { total: 1, inTime: 1, share: '100,0%' }),
      speedSentence(nl, 'nl', '5,0 uur', { total: 1, inTime: 0, share: '0,0%' }),
      speedSentence(nl, 'nl', '5,0 uur', { total: 2, inTime: 1, share: '50,0%' }),
    ]).toEqual([
      'Budgethouders hebben in deze periode nog niet beslist; er waren geen spoedaanvragen.',
      'De mediane beslistijd was 5,0 uur; de spoedaanvraag is binnen de termijn beslist.',
      'De mediane beslistijd was 5,0 uur; de spoedaanvraag is niet binnen de termijn beslist.',
      'De mediane beslistijd was 5,0 uur; van de 2 spoedaanvragen is 50,0% binnen de termijn beslist.',
    ]);
    expect(speedSentence(en, 'en', '5.0 hours', { total: 2, inTime: 2, share: '100.0%' })).toBe(
      'The median decision time was 5.0 hours; of the 2 urgent requests, 100.0% were decided in time.',
    );
  });

  it('writes the notes under the figures in singular and plural', () => {
    expect([decisionsNote(nl, 'nl', 0), decisionsNote(nl, 'nl', 1), decisionsNote(nl, 'nl', 2)]).toEqual(['0 besluiten', '1 besluit', '2 besluiten']);
    expect([coverageNote(nl, 'nl', 0, 0), coverageNote(nl, 'nl', 1, 1), coverageNote(nl, 'nl', 1, 2)]).toEqual([
      'nog geen follow-up aan de beurt', '1 van 1 follow-up vastgelegd', '1 van 2 follow-ups vastgelegd',
    ]);
    expect([goalsNote(nl, 'nl', 0, 0), goalsNote(nl, 'nl', 1, 1), goalsNote(nl, 'nl', 1, 2)]).toEqual([
      'nog geen follow-up vastgelegd', '1 van 1 aanvraag (laatste follow-up)', '1 van 2 aanvragen (laatste follow-up)',
    ]);
    expect([moreRowsNote(nl, 'nl', 0), moreRowsNote(nl, 'nl', 1), moreRowsNote(nl, 'nl', 2)]).toEqual([
      null,
      'Nog 1 aanvraag met follow-up staat niet in deze tabel (het kleinste verschil).',
      'Nog 2 aanvragen met follow-up staan niet in deze tabel (kleinste verschillen).',
    ]);
    expect([decisionsNote(en, 'en', 1), coverageNote(en, 'en', 0, 0), goalsNote(en, 'en', 1, 1)]).toEqual([
      '1 decision', 'no follow-up due yet', '1 of 1 request (latest follow-up)',
    ]);
  });

  it('has no capital after a semicolon in any fixed text, Dutch or English', () => {
    const strings = (v: unknown): string[] =>
      typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
    for (const L of [labelsFor('nl'), labelsFor('en')]) expect(strings(L).filter((s) => CAPITAL_AFTER_SEMICOLON.test(s))).toEqual([]);
  });

  it('builds a whole report, 0, 1 or 2 granted, without a capital after a semicolon, a dash in a sentence or "€ -"', () => {
    for (const locale of ['nl', 'en'] as const) {
      for (const keep of [0, 1, 2, 10]) {
        const data = { ...steeringFixture(), locale };
        data.requests = data.requests.slice(0, keep);
        const m = buildSteeringReportModel(data);
        const texts = [
          ...m.cover.summary, m.comparison.intro, m.comparison.cashNote, m.keyFigures.pace.text, ...m.keyFigures.trend.intro,
          m.realised.calibration.intro, ...m.methodology.paragraphs,
          ...[m.speed.figures, m.realised.figures, m.comparison.figures].flat().map((f) => f.note ?? ''),
        ];
        expect(texts.filter((t) => CAPITAL_AFTER_SEMICOLON.test(t))).toEqual([]);
        // "– van de spoedaanvragen", "naar verwachting – vermeden": no dash standing in for a figure in running text
        expect(m.cover.summary.filter((t) => /(^|\s)–(\s|;|$)/.test(t))).toEqual([]);
        const cells = [m.keyFigures.trend.table, m.comparison.whoPays, m.comparison.sensitivity, m.realised.table, m.appendix.table].flatMap((t) => [...t.rows.flat(), ...(t.totalRow ?? [])]);
        expect(cells.filter((c) => /€\s*[-−]|−€/.test(c))).toEqual([]);
      }
    }
  });
});
