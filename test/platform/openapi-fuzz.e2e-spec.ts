import { ROLES } from '../../src/users/user.entity';
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { U } from '../support/users';
import { arbitraryFor, Document, Operation, resolve, shapeProblems } from './support/openapi-fuzz';

/** Property-based runs per operation and role: 47 operations × 2 roles × RUNS requests. */
const RUNS = 6;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Issue 14.10: the served OpenAPI document is the contract. Requests generated from it for every
 * operation, as admin and as professional, never get a 5xx, only statuses the operation documents,
 * and bodies of the documented shape (the operation's schema, or Problem for errors).
 */
describe('OpenAPI-driven fuzzing of every operation (e2e)', () => {
  let t: TestApp;
  let doc: Document;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.api('GET', '/api/v1/openapi.json')).body as Document;
    const fundId = await makeFund(t);
    const kase = await makeCase(t);
    const r = await makeRequest(t, kase.id, fundId, { amount: '100.00' });
    const r2 = await makeRequest(t, kase.id, fundId, { amount: '900.00' });
    await act(t, r2.id, 'submit', U.pro);
    ids.push(fundId, kase.id, r.id, r2.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const operations = (): [string, string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => [path, m, item[m]] as [string, string, Operation]));

  function requestArbitrary(op: Operation) {
    const params = op.parameters ?? [];
    const pathArbs: Record<string, fc.Arbitrary<unknown>> = {};
    const queryArbs: Record<string, fc.Arbitrary<unknown>> = {};
    for (const p of params) {
      const schema = p.schema ?? { type: 'string' };
      if (p.in === 'path') {
        const s = resolve(doc, schema);
        pathArbs[p.name] = s.format === 'uuid' ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.oneof(fc.constantFrom('case_meeting', 'detention_day'), arbitraryFor(doc, schema));
      } else if (p.in === 'query') {
        queryArbs[p.name] = p.required ? arbitraryFor(doc, schema) : fc.option(arbitraryFor(doc, schema), { nil: undefined });
      }
    }
    const bodySchema = op.requestBody?.content['application/json']?.schema;
    return fc.record({
      path: fc.record(pathArbs),
      query: fc.record(queryArbs),
      body: bodySchema ? arbitraryFor(doc, bodySchema) : fc.constant(undefined),
      idempotencyKey: params.some((p) => p.name === 'Idempotency-Key') ? fc.option(fc.uuid(), { nil: undefined }) : fc.constant(undefined),
    });
  }

  it('answers every generated request with a documented status and shape, as admin and as professional', async () => {
    const failures: string[] = [];
    const seen = new Map<string, number>();
    for (const [path, method, op] of operations()) {
      for (const as of [U.admin, U.pro]) {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(op), async (req) => {
            let url = `/api/v1${path}`.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(req.path[name])));
            const qs = new URLSearchParams();
            for (const [k, v] of Object.entries(req.query)) if (v !== undefined) qs.set(k, Array.isArray(v) ? v.join(',') : String(v));
            if ([...qs].length) url += `?${qs}`;
            const headers: Record<string, string> = req.idempotencyKey ? { 'Idempotency-Key': req.idempotencyKey } : {};
            const res = await t.api(method.toUpperCase(), url, { as, body: req.body, headers });
            const key = `${method.toUpperCase()} ${path} → ${res.status}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
            const documented = op.responses[String(res.status)];
            const problems: string[] = [];
            if (res.status >= 500) problems.push(`a ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
            if (!documented) problems.push(`undocumented status ${res.status} (documented: ${Object.keys(op.responses).join(', ')})`);
            const type = res.headers.get('content-type') ?? '';
            if (documented?.content) {
              const media = Object.keys(documented.content);
              if (!media.some((m) => type.startsWith(m))) problems.push(`content-type ${type}, documented ${media.join(', ')}`);
              const schema = documented.content[media.find((m) => type.startsWith(m)) ?? '']?.schema;
              if (schema && /json/.test(type)) problems.push(...shapeProblems(doc, schema, res.body));
            }
            if (problems.length) {
              failures.push(`${as} ${method.toUpperCase()} ${url} ${JSON.stringify(req.body)?.slice(0, 200)}: ${problems.join('; ')}`);
              return false;
            }
            return true;
          }),
          { numRuns: RUNS, endOnFailure: true },
        ).catch(() => undefined); // collected in `failures`, reported all at once below
      }
    }
    expect(failures).toEqual([]);
    // the generator reaches past validation: some operations succeed, for both roles together
    expect([...seen.keys()].filter((k) => / → 2\d\d$/.test(k)).length).toBeGreaterThan(15);
  });

  it('documents only ECMA-262 patterns (no inline flags such as (?i))', () => {
    const patterns: string[] = [];
    JSON.stringify(doc, (k, v) => {
      if (k === 'pattern' && typeof v === 'string') patterns.push(v);
      return v;
    });
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) {
      expect(p).not.toMatch(/\(\?[a-z]/i);
      expect(() => new RegExp(p, 'u')).not.toThrow();
    }
  });

  it('documents minLength where empty text is refused, and roles as an enum', () => {
    const s = doc.components.schemas;
    expect(s.CreateRequestDto.properties!.title.minLength).toBe(1);
    expect(s.CreateFundDto.properties!.name.minLength).toBe(1);
    expect(s.CreateCaseDto.properties!.neighbourhood.minLength).toBe(1);
    expect(s.CreateUserDto.properties!.roles.minItems).toBe(1);
    expect(s.CreateUserDto.properties!.roles.items!.enum).toEqual([...ROLES]);
    expect(s.UpdateUserDto.properties!.roles.items!.enum).toBeDefined();
    const me = resolve(doc, (doc.paths['/me'].get.responses['200'].content!['application/json'].schema)!);
    expect(me.properties!.roles.items!.enum).toBeDefined();
    expect(doc.paths['/requests/{id}'].patch.responses['409']).toBeDefined();
    expect(doc.paths['/requests'].post.responses['404']).toBeDefined();
    expect(doc.paths['/auth/token'].post.responses['401']).toBeDefined();
  });

  it('answers an unsupported method on a known path with 405 and Allow, also TRACE', async () => {
    const trace = await new Promise<{ status: number; allow: string | undefined; type: string | undefined }>((resolveP, reject) => {
      const url = new URL(`${t.baseUrl}/api/v1/funds`);
      const req = httpRequest({ method: 'TRACE', host: url.hostname, port: url.port, path: url.pathname }, (res) => {
        res.resume();
        res.on('end', () => resolveP({ status: res.statusCode ?? 0, allow: res.headers.allow, type: res.headers['content-type'] }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(trace.status).toBe(405);
    expect(trace.allow).toBe('GET, POST, HEAD, OPTIONS');
    expect(trace.type).toContain('application/problem+json');
    const del = await t.api('DELETE', `/api/v1/funds/${ids[0]}`, { as: U.admin });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(del.body.title).toBe('Method Not Allowed');
    // an unknown path stays a 404
    expect((await t.api('DELETE', '/api/v1/no-such-thing', { as: U.admin })).status).toBe(404);
  });
});
