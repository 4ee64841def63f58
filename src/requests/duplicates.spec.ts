import { Dec } from '../common/money';
import { DuplicateCandidate, isPossibleDuplicate } from './duplicates';

const base: DuplicateCandidate = {
  id: 'a', caseId: 'c1', payee: 'NS Reizigers', amount: new Dec('3000.00'), status: 'submitted', createdAt: new Date('2026-03-01T10:00:00Z'),
};
const other = (patch: Partial<DuplicateCandidate>): DuplicateCandidate => ({ ...base, id: 'b', ...patch });

describe('isPossibleDuplicate', () => {
  it('flags the same payee written differently with an amount within 10 %', () => {
    expect(isPossibleDuplicate(base, other({ payee: '  ns  reizigers ', amount: new Dec('2700.00') }))).toBe(true);
    expect(isPossibleDuplicate(base, other({ amount: new Dec('3300.00') }))).toBe(true);
  });
  it('does not flag an amount more than 10 % away', () => {
    expect(isPossibleDuplicate(base, other({ amount: new Dec('3300.01') }))).toBe(false);
  });
  it('does not flag another case, another payee or itself', () => {
    expect(isPossibleDuplicate(base, other({ caseId: 'c2' }))).toBe(false);
    expect(isPossibleDuplicate(base, other({ payee: 'Arriva' }))).toBe(false);
    expect(isPossibleDuplicate(base, base)).toBe(false);
  });
  it('looks 30 days either way', () => {
    expect(isPossibleDuplicate(base, other({ createdAt: new Date('2026-03-31T10:00:00Z') }))).toBe(true);
    expect(isPossibleDuplicate(base, other({ createdAt: new Date('2026-03-31T10:00:01Z') }))).toBe(false);
  });
  it('ignores withdrawn and rejected requests', () => {
    expect(isPossibleDuplicate(base, other({ status: 'withdrawn' }))).toBe(false);
    expect(isPossibleDuplicate(base, other({ status: 'rejected' }))).toBe(false);
    expect(isPossibleDuplicate(base, other({ status: 'paid' }))).toBe(true);
  });
});
