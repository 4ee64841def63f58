import { DomainError } from '../common/domain-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips the sort key', () => {
    expect(decodeCursor(encodeCursor(['2026-03-01T10:00:00.000Z', 'abc']), 2)).toEqual(['2026-03-01T10:00:00.000Z', 'abc']);
    expect(decodeCursor(encodeCursor([null, 'abc']), 2)).toEqual([null, 'abc']);
  });
  it('refuses garbage with a 400 naming the cursor', () => {
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(DomainError);
    expect(() => decodeCursor(encodeCursor(['x']), 2)).toThrow('cursor');
  });
});
