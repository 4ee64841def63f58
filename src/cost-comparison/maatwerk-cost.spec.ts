import { maatwerkCostOf } from './maatwerk-cost';

describe('maatwerkCostOf', () => {
  it('weighs the requested amount before approval', () => {
    expect(maatwerkCostOf({ status: 'submitted', amount: '3000.00', paidAmount: '0', committedAmount: '0' }).toFixed(2)).toBe('3000.00');
  });
  it('weighs reserved plus paid for an approved, partly paid request', () => {
    expect(maatwerkCostOf({ status: 'approved', amount: '3000.00', paidAmount: '1000.00', committedAmount: '2000.00' }).toFixed(2)).toBe('3000.00');
  });
  it('weighs what was paid once the request is paid, even when less than asked', () => {
    expect(maatwerkCostOf({ status: 'paid', amount: '3000.00', paidAmount: '2750.50', committedAmount: '0' }).toFixed(2)).toBe('2750.50');
  });
  it('weighs the requested amount of a cancelled request that paid nothing', () => {
    expect(maatwerkCostOf({ status: 'cancelled', amount: '950.00', paidAmount: '0', committedAmount: '0' }).toFixed(2)).toBe('950.00');
  });
});
