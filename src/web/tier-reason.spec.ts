import { formatEuro } from '../common/money';
import { decideTier } from '../requests/tiers';
import { Dec } from '../common/money';
import { tierReasonText, unitText } from './tier-reason';

const rules = { requesterMandate: new Dec('250'), singleApproverLimit: new Dec('5000'), personCapPerYear: new Dec('20000') };
const reason = (amount: string, total = '0') => decideTier({ amount: new Dec(amount), personalMandate: null, rules, personYearTotal: new Dec(total) }).reason;

describe('tierReasonText', () => {
  it('says every decision level in English with English number formats', () => {
    expect(tierReasonText(reason('200'), 'en')).toBe('Within mandate: €200.00 is within the requester\'s mandate (€250.00).'.replace('€200.00', formatEuro('200', 'en')).replace('€250.00', formatEuro('250', 'en')));
    expect(tierReasonText(reason('3000'), 'en')).toContain(`${formatEuro('3000', 'en')} is more than the requester's mandate`);
    expect(tierReasonText(reason('6000'), 'en')).toContain('the limit for one budget holder');
    expect(tierReasonText(reason('3000', '19000'), 'en')).toContain("Above this fund's cap per person");
    for (const a of ['200', '3000', '6000']) expect(tierReasonText(reason(a), 'en')).not.toMatch(/budgethouder|mandaat/);
  });

  it('keeps Dutch for Dutch pages and unknown text as it is', () => {
    expect(tierReasonText(reason('3000'), 'nl')).toBe(reason('3000'));
    expect(tierReasonText('iets anders', 'en')).toBe('iets anders');
  });

  it('translates catalogue units', () => {
    expect(unitText('per dag', 'en')).toBe('per day');
    expect(unitText('per dag', 'nl')).toBe('per dag');
  });
});
