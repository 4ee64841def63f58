import fc from 'fast-check';
import { Dec, sumDec } from '../common/money';
import { attributeSpending, TRANSFERS_LABEL } from './attribution';

const base = { fundId: 'f', from: null, to: null, transferredIn: new Dec(0) };

describe('attributeSpending', () => {
  it('splits spending pro rata to contributions', () => {
    const result = attributeSpending({
      ...base,
      contributed: [
        { organisationId: 'a', organisationName: 'Gemeente', amount: new Dec('6000.00') },
        { organisationId: 'b', organisationName: 'GGZ', amount: new Dec('4000.00') },
      ],
      spent: new Dec('1000.00'),
    });
    expect(result.parts.map((p) => [p.organisationId, p.share.toFixed(4), p.spent.toFixed(2)])).toEqual([
      ['a', '0.6000', '600.00'],
      ['b', '0.4000', '400.00'],
    ]);
    expect(result.totalContributed.toFixed(2)).toBe('10000.00');
  });

  it('hands the odd cent to the largest remainder so the parts sum to the total', () => {
    const result = attributeSpending({
      ...base,
      contributed: ['a', 'b', 'c'].map((id) => ({ organisationId: id, organisationName: id, amount: new Dec('100.00') })),
      spent: new Dec('100.00'),
    });
    expect(result.parts.map((p) => p.spent.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('treats money transferred in as a funder of its own', () => {
    const result = attributeSpending({
      ...base,
      contributed: [{ organisationId: 'a', organisationName: 'Gemeente', amount: new Dec('300.00') }],
      transferredIn: new Dec('100.00'),
      spent: new Dec('40.00'),
    });
    expect(result.parts.map((p) => [p.organisationName, p.spent.toFixed(2)])).toEqual([
      ['Gemeente', '30.00'],
      [TRANSFERS_LABEL, '10.00'],
    ]);
  });

  it('gives a partner whose contributions were reversed no spending', () => {
    const result = attributeSpending({
      ...base,
      contributed: [
        { organisationId: 'a', organisationName: 'a', amount: new Dec('0.00') },
        { organisationId: 'b', organisationName: 'b', amount: new Dec('50.00') },
      ],
      spent: new Dec('12.34'),
    });
    expect(result.parts.map((p) => p.spent.toFixed(2))).toEqual(['0.00', '12.34']);
  });

  it('always returns parts that add up to exactly the spending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -1_000_000, max: 10_000_000 }),
        (contributions, spentCents) => {
          fc.pre(contributions.some((c) => c > 0));
          const result = attributeSpending({
            ...base,
            contributed: contributions.map((c, i) => ({ organisationId: `o${i}`, organisationName: `o${i}`, amount: new Dec(c).dividedBy(100) })),
            spent: new Dec(spentCents).dividedBy(100),
          });
          expect(sumDec(result.parts.map((p) => p.spent)).toFixed(2)).toBe(new Dec(spentCents).dividedBy(100).toFixed(2));
          expect(result.parts.every((p) => p.spent.times(100).isInteger())).toBe(true);
        },
      ),
    );
  });
});
