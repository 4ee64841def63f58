import { BEARER_LABELS, loadCatalogueSeed } from './catalogue-csv';

const HEADER =
  'key,label_nl,label_en,unit,amount_eur,price_year,bearer_key,bearer_label_nl,kind,confidence,confidence_note,source,url';
const GOOD_ROW =
  'detention_day,Dag detentie,Prison day,per dag,262.00,2013,justice,Justitie (DJI),fiscal,medium,medium,DJI,https://example.org';

function csvWith(row: string): string {
  return `${HEADER}\n${GOOD_ROW}\n${row}\n`;
}

describe('loadCatalogueSeed', () => {
  it('parses all 33 rows of the shipped catalogue with known bearer keys', () => {
    const seed = loadCatalogueSeed();
    expect(seed).toHaveLength(33);
    for (const item of seed) {
      expect(Object.keys(BEARER_LABELS)).toContain(item.bearerKey);
      expect(item.amount).toMatch(/^\d+\.\d{2}$/);
    }
    expect(new Set(seed.map((s) => s.key)).size).toBe(33);
  });

  it('reads the detention day as 262.00 in prices of 2013, borne by justice', () => {
    const detention = loadCatalogueSeed().find((s) => s.key === 'detention_day');
    expect(detention).toEqual({
      key: 'detention_day',
      labelNl: 'Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs)',
      labelEn: 'Prison day, adult (average cost)',
      unit: 'per dag',
      amount: '262.00',
      priceYear: 2013,
      bearerKey: 'justice',
      bearerLabelNl: 'Justitie (DJI)',
      kind: 'fiscal',
      confidence: 'medium',
      confidenceNote: 'medium (official figure, second-hand, dated; uprate with CPI)',
      source:
        "DJI 'Dit is DJI in feiten en cijfers' (april 2014), geciteerd in NRC Checkt 'Minderjarige gedetineerde kost 650 euro per dag' (11-07-2014)",
      url: 'https://www.nrc.nl/nieuws/2014/07/11/minderjarige-gedetineerde-kost-650-euro-per-dag-1399899-a1262929',
    });
  });

  it('reads the case meeting without price year and without url as nulls', () => {
    const meeting = loadCatalogueSeed().find((s) => s.key === 'case_meeting');
    expect(meeting?.amount).toBe('1500.00');
    expect(meeting?.priceYear).toBeNull();
    expect(meeting?.url).toBeNull();
    expect(meeting?.bearerKey).toBe('municipality');
  });

  it('normalises an amount without decimals to two decimals', () => {
    const seed = loadCatalogueSeed(`${HEADER}\nx,a,b,per dag,70,2013,police,Politie,fiscal,low,,src,\n`);
    expect(seed[0].amount).toBe('70.00');
    expect(seed[0].confidenceNote).toBe('');
  });

  it('names row and column when an amount has three decimals', () => {
    const bad = 'x,a,b,per dag,1.005,2013,police,Politie,fiscal,low,low,src,';
    expect(() => loadCatalogueSeed(csvWith(bad))).toThrow('unit-costs.csv row 3, column amount_eur');
  });

  it('rejects an unknown bearer key naming the column', () => {
    const bad = 'x,a,b,per dag,10.00,2013,ministry,Rijk,fiscal,low,low,src,';
    expect(() => loadCatalogueSeed(csvWith(bad))).toThrow('row 3, column bearer_key');
  });

  it('rejects a confidence outside high, medium and low', () => {
    const bad = 'x,a,b,per dag,10.00,2013,police,Politie,fiscal,low-medium,low,src,';
    expect(() => loadCatalogueSeed(csvWith(bad))).toThrow('row 3, column confidence');
  });

  it('rejects a price year that is not a four-digit year', () => {
    const bad = 'x,a,b,per dag,10.00,13,police,Politie,fiscal,low,low,src,';
    expect(() => loadCatalogueSeed(csvWith(bad))).toThrow('row 3, column price_year');
  });

  it('rejects a zero amount', () => {
    const bad = 'x,a,b,per dag,0.00,2013,police,Politie,fiscal,low,low,src,';
    expect(() => loadCatalogueSeed(csvWith(bad))).toThrow('row 3, column amount_eur');
  });

  it('rejects a url column that does not hold a web address', () => {
    const bad = 'x,a,b,per dag,10.00,2013,police,Politie,fiscal,low,low,src,see source';
    expect(() => loadCatalogueSeed(csvWith(bad))).toThrow('row 3, column url');
  });

  it('rejects a duplicate key', () => {
    expect(() => loadCatalogueSeed(csvWith(GOOD_ROW))).toThrow('row 3, column key: duplicate key "detention_day"');
  });

  it('rejects a row with a missing column', () => {
    expect(() => loadCatalogueSeed(csvWith('x,a,b,per dag,10.00,2013,police'))).toThrow();
  });

  it('rejects a file whose header differs from the documented columns', () => {
    expect(() => loadCatalogueSeed('key,amount\nx,1.00\n')).toThrow('unit-costs.csv: header must be');
  });
});
