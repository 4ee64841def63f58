import fc from 'fast-check';

/** Values that have broken web services before: wrong types, edge numbers, markup, SQL, huge, control characters. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '', ' ', '0', '-1', '-0.01', '0.001', '1e309', '1E2', 'NaN', 'Infinity', '1.005', '999999999999.99', '1000000000.01', '0x10', '١٢٣',
    '<script>alert(1)</script>', "'; DROP TABLE requests; --", '\u0000', '\u202e', '../../etc/passwd', '%00', '__proto__', 'x'.repeat(5000),
    '2026-02-30', '9999-12-31', '00000000-0000-0000-0000-000000000000', '{"$gt": ""}', '\ud800',
  ),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);

export type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

/**
 * Bodies for one endpoint: mostly its valid template with one field replaced (or added) by a
 * hostile value, sometimes any JSON at all, sometimes text that is not JSON.
 */
export function hostileBody(template: Record<string, unknown>): fc.Arbitrary<Body> {
  const keys = [...Object.keys(template), '__proto__', 'constructor', 'unexpected'];
  const omit: fc.Arbitrary<Body> = Object.keys(template).length
    ? fc.constantFrom(...Object.keys(template)).map((key): Body => ({ kind: 'json', value: Object.fromEntries(Object.entries(template).filter(([k]) => k !== key)) }))
    : fc.constant<Body>({ kind: 'json', value: {} });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ key: fc.constantFrom(...keys), value: hostileValue }).map(({ key, value }): Body => ({ kind: 'json', value: { ...template, [key]: value } })) },
    { weight: 2, arbitrary: omit },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'json', value: template }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): Body => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"amount":', 'nul', '[1,', '"', '{"a":1}}', '\u0000', '{"amount": 1e999}').map((text): Body => ({ kind: 'raw', text })) },
  );
}

/** A path segment: mostly real ids, sometimes anything (percent-encoded, or raw and broken). */
export function hostileSegment(valid: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('..', '%2e%2e', 'null', 'undefined', '-1', '1'.repeat(300), '%00', 'a%2Fb', '%', '%E0%A4%A', '%ff', '%5Cu0000', '__proto__') },
  );
}

/** A query string: empty mostly, else random keys (known and not), nested qs syntax and bad encodings. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(fc.constantFrom('limit', 'cursor', 'status', 'fundId', 'lang', 'x', 'a[b]', '__proto__', 'constructor[prototype]'), fc.string({ maxLength: 20 }), { maxKeys: 3 })
      .map((q) => `?${new URLSearchParams(q).toString()}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('?limit=-1', '?limit=1e9', '?a[__proto__][x]=1', '?%', '?lang=xx', '?cursor=%00', '?status[]=a&status[]=b') },
);
