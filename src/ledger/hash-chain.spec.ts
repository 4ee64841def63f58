import { Dec } from '../common/money';
import {
  canonicalJson, chainedReason, chainHash, GENESIS_HASH, journalEntryChainContent, legacyRequestEventChainContent, reasonDigest,
  requestEventChainContent, sealedEventDigest, sha256Hex,
} from './hash-chain';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ amount: '1.00', accountId: 'a' })).toBe(canonicalJson({ accountId: 'a', amount: '1.00' }));
  });

  it('leaves out undefined properties like JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('escapes strings as JSON does, including quotes and non-ASCII text', () => {
    expect(canonicalJson({ memo: 'bijdrage "GGZ" – € 3.000,00\n' })).toBe('{"memo":"bijdrage \\"GGZ\\" – € 3.000,00\\n"}');
  });

  it('refuses a Decimal so that money is always hashed as an explicit string', () => {
    expect(() => canonicalJson({ amount: new Dec('1.5') })).toThrow(/Decimal/);
  });

  it('refuses a Date and non-finite numbers', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/Date/);
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/finite/);
  });
});

describe('chainHash', () => {
  it('is sha256 of the previous hash followed by the canonical content with its seq', () => {
    const content = { type: 'test', b: '2', a: '1' };
    expect(chainHash(GENESIS_HASH, '1', content)).toBe(sha256Hex(`${GENESIS_HASH}{"a":"1","b":"2","chainSeq":"1","type":"test"}`));
  });

  it('matches a known sha256 digest', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('changes when the previous hash, the seq or any content field changes', () => {
    const base = chainHash(GENESIS_HASH, '1', { a: '1' });
    expect(chainHash('1'.repeat(64), '1', { a: '1' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, '2', { a: '1' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, '1', { a: '2' })).not.toBe(base);
  });
});

describe('journalEntryChainContent', () => {
  const entry = {
    id: 'e1', fundId: 'f1', kind: 'reservation', effectiveDate: '2026-03-01', recordedAt: new Date('2026-03-01T10:00:00.123Z'),
    actorId: 'u1', requestId: 'r1', contributionId: null, paymentId: null, reversesEntryId: null, memo: '',
  };

  it('writes amounts as 2-decimal strings and timestamps as ISO instants', () => {
    const content = journalEntryChainContent(entry, [{ accountId: 'b', amount: new Dec('300') }, { accountId: 'a', amount: '-300.0' }]);
    expect(content.postings).toEqual([{ accountId: 'a', amount: '-300.00' }, { accountId: 'b', amount: '300.00' }]);
    expect(content.recordedAt).toBe('2026-03-01T10:00:00.123Z');
  });

  it('does not depend on the order in which postings are read back', () => {
    const p1 = { accountId: 'a', amount: '-5.00' };
    const p2 = { accountId: 'b', amount: '5.00' };
    expect(canonicalJson(journalEntryChainContent(entry, [p1, p2]))).toBe(canonicalJson(journalEntryChainContent(entry, [p2, p1])));
  });

  it('gives the same content for a timestamp string and the equal Date', () => {
    const asString = journalEntryChainContent({ ...entry, recordedAt: '2026-03-01T11:00:00.123+01:00' }, []);
    expect(asString.recordedAt).toBe('2026-03-01T10:00:00.123Z');
  });
});

describe('requestEventChainContent', () => {
  const fields = {
    requestId: 'r1', fundId: 'f1', actorId: 'u1', actorRole: 'budget_holder', fromStatus: 'submitted', toStatus: 'approved',
    createdAt: new Date('2026-01-02T03:04:05.000Z'),
  };

  it('contains the event fields and the reason digest with format 2, but not the row id or the reason text', () => {
    const content = requestEventChainContent({ ...fields, reasonDigest: 'd'.repeat(64) });
    expect(canonicalJson(content)).toBe(
      '{"actorId":"u1","actorRole":"budget_holder","createdAt":"2026-01-02T03:04:05.000Z","format":2,"fromStatus":"submitted","fundId":"f1",' +
        `"reasonDigest":"${'d'.repeat(64)}","requestId":"r1","toStatus":"approved","type":"request_event"}`,
    );
  });

  it('keeps format 1 exactly as events were chained before format 2 (the reason text itself)', () => {
    expect(canonicalJson(legacyRequestEventChainContent({ ...fields, reason: 'ok' }))).toBe(
      '{"actorId":"u1","actorRole":"budget_holder","createdAt":"2026-01-02T03:04:05.000Z","fromStatus":"submitted","fundId":"f1",' +
        '"reason":"ok","requestId":"r1","toStatus":"approved","type":"request_event"}',
    );
  });
});

describe('reason digests', () => {
  it('digest the reason with a random salt, so equal reasons chain differently and a short text cannot be looked up', () => {
    const a = chainedReason('akkoord');
    const b = chainedReason('akkoord');
    expect(a.reasonSalt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.reasonSalt).not.toBe(b.reasonSalt);
    expect(a.reasonDigest).not.toBe(b.reasonDigest);
    expect(reasonDigest(a.reasonSalt, 'akkoord')).toBe(a.reasonDigest);
    expect(reasonDigest(a.reasonSalt, 'akkoord.')).not.toBe(a.reasonDigest);
    expect(a.reasonDigest).toBe(sha256Hex(`["request_event.reason","${a.reasonSalt}","akkoord"]`));
  });

  it('seal everything of a format-1 event but its reason, with its place in the chain', () => {
    const event = {
      requestId: 'r1', fundId: 'f1', actorId: 'u1', actorRole: 'budget_holder', fromStatus: null, toStatus: 'draft',
      createdAt: '2026-01-02T03:04:05.000Z', chainSeq: '7', prevHash: GENESIS_HASH,
    };
    const digest = sealedEventDigest(event);
    expect(sealedEventDigest({ ...event, actorRole: 'admin' })).not.toBe(digest);
    expect(sealedEventDigest({ ...event, chainSeq: '8' })).not.toBe(digest);
    expect(sealedEventDigest({ ...event, reason: 'anything' } as typeof event)).toBe(digest);
  });
});
