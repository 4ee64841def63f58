import { Dec } from '../common/money';
import { DuplicateCandidate, isPossibleDuplicate, possibleDuplicates } from './duplicates';

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

describe('possibleDuplicates', () => {
  it('gives each request the candidates isPossibleDuplicate flags, across cases, in candidate order', () => {
    const a2 = { ...base, id: 'a2', caseId: 'c2', payee: 'Arriva', amount: new Dec('100.00') };
    const candidates = [
      base,
      other({ id: 'b', payee: 'NS  REIZIGERS', amount: new Dec('2900.00') }),
      other({ id: 'x', caseId: 'c2', payee: 'arriva ', amount: new Dec('105.00') }),
      other({ id: 'y', caseId: 'c2', payee: 'Arriva', amount: new Dec('200.00') }),
      other({ id: 'z', status: 'rejected' }),
    ];
    const found = possibleDuplicates([base, a2], candidates);
    expect(found.get('a')?.map((c) => c.id)).toEqual(['b']);
    expect(found.get('a2')?.map((c) => c.id)).toEqual(['x']);
    for (const r of [base, a2]) expect(found.get(r.id)).toEqual(candidates.filter((c) => isPossibleDuplicate(r, c)));
  });
});
