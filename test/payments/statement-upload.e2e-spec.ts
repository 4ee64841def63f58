import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';
import { camt053 } from './camt';
import { approvedWithPayee, DEBTOR } from './world';

/** POST /api/v1/bank-statements as multipart/form-data: the statement as a file, next to the JSON `xml`. */
describe('bank statement upload as a file (multipart, e2e)', () => {
  let t: TestApp;
  let fundId: string;
  let caseId: string;

  const upload = async (parts: [string, Blob | string, string?][], headers: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [name, value, filename] of parts) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, value, filename ?? 'afschrift.xml');
    }
    const res = await fetch(`${t.baseUrl}/api/v1/bank-statements`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await t.tokenFor(U.admin)}`, ...headers } });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
  };
  const file = (content: string | Buffer, type = 'application/xml') => new Blob([content], { type });
  const statements = async () => ok(await t.api('GET', '/api/v1/bank-statements', { as: U.admin })).body.items as { statementId: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t, { budget: '50000.00' });
    caseId = (await makeCase(t)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('books a statement larger than the JSON limit from an uploaded file, and the same file again changes nothing', async () => {
    const id = await approvedWithPayee(t, caseId, fundId, { amount: '321.09' });
    const batch = ok(await t.api('POST', '/api/v1/payment-batches', { as: U.admin, body: { ...DEBTOR, executionDate: '2026-12-04', items: [{ requestId: id }] } }), 201).body;
    const others = Array.from({ length: 300 }, (_, i) => ({ amount: `${i + 1}.00`, endToEndId: `OTHER-${i}` }));
    const xml = camt053({ statementId: 'FILE-1', entries: [{ amount: '321.09', endToEndId: batch.items[0].endToEndId }, ...others] });
    expect(Buffer.byteLength(xml)).toBeGreaterThan(100 * 1024);
    // as JSON it is too large
    const json = await t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml } });
    expect(json.status).toBe(413);
    const before = await balances(t, fundId);
    const first = await upload([['file', file(xml), 'camt053-FILE-1.xml']]);
    expect(first.status).toBe(201);
    expect(first.body.statements[0]).toMatchObject({ statementId: 'FILE-1', alreadyImported: false, booked: 1, unmatched: 300 });
    expect((await balances(t, fundId)).spent).toBe((await import('decimal.js')).default.add(before.spent, '321.09').toFixed(2));
    const again = await upload([['file', file(xml)]]);
    expect(again.status).toBe(201);
    expect(again.body.statements[0]).toMatchObject({ id: first.body.statements[0].id, alreadyImported: true });
    expect(ok(await t.api('GET', `/api/v1/requests/${id}`, { as: U.admin })).body).toMatchObject({ status: 'paid', paid: '321.09' });
  });

  it('knows a statement again whether it came as a file (LF) or pasted from a browser form (CRLF)', async () => {
    const xml = camt053({ statementId: 'FILE-CRLF', entries: [{ amount: '7.50', endToEndId: 'CRLF-1' }] });
    const first = await upload([['file', file(xml)]]);
    expect(first.status).toBe(201);
    const pasted = ok(await t.api('POST', '/api/v1/bank-statements', { as: U.admin, body: { xml: xml.replace(/\n/g, '\r\n') } }), 201).body;
    expect(pasted.statements[0]).toMatchObject({ id: first.body.statements[0].id, alreadyImported: true });
  });

  it('reads a file in the encoding its XML declaration names, and refuses bytes that are not text', async () => {
    const latin1 = camt053({ statementId: 'FILE-LATIN1', entries: [{ amount: '5.00', endToEndId: 'X-1' }] })
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('</Stmt>', '<AddtlStmtInf>Café Zuidoost, rekening beëindigd</AddtlStmtInf></Stmt>');
    const res = await upload([['file', file(Buffer.from(latin1, 'latin1'))]]);
    expect(res.status).toBe(201);
    expect(res.body.statements[0].statementId).toBe('FILE-LATIN1');
    const broken = Buffer.from(camt053({ statementId: 'FILE-BAD', entries: [{ amount: '5.00' }] }).replace('</Stmt>', '<AddtlStmtInf>Caf\u00e9</AddtlStmtInf></Stmt>'), 'latin1');
    const bad = await upload([['file', file(broken)]]);
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'STATEMENT.ENCODING', errors: [expect.objectContaining({ location: '#/file' })] });
    expect(bad.body.detail).toMatch(/^file: is not valid UTF-8 text/);
    expect((await statements()).map((s) => s.statementId)).not.toContain('FILE-BAD');
  });

  it('answers a file above 5 MB with 413, and a missing, doubled or misnamed file with a 400 naming the field; nothing is booked', async () => {
    const n = (await statements()).length;
    const huge = await upload([['file', file(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20))]]);
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ status: 413, code: 'STATEMENT.TOO_LARGE', errors: [expect.objectContaining({ location: '#/file' })] });
    expect(huge.body.detail).toMatch(/^file: is larger than 5 MB \(5242880 bytes\)/);
    const none = await upload([]);
    expect(none.status).toBe(400);
    expect(none.body.detail).toMatch(/^file: is required/);
    const extra = await upload([['note', 'geen bestand']]);
    expect(extra.status).toBe(400);
    expect(extra.body.detail).toContain('property note should not exist');
    const xml = camt053({ statementId: 'FILE-TWICE', entries: [{ amount: '1.00' }] });
    const both = await upload([['xml', xml], ['file', file(xml)]]);
    expect(both.status).toBe(400);
    expect(both.body.detail).toMatch(/^xml: give the statement once/);
    const misnamed = await upload([['statement', file(xml)]]);
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.detail).toBe('file: send one camt.053 file, as the multipart field "file" (not "statement")');
    const two = await upload([['file', file(xml)], ['file', file(xml)]]);
    expect(two.status).toBe(400);
    const empty = await upload([['file', file('')]]);
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toMatch(/^file: is empty/);
    const notXml = await upload([['file', file('%PDF-1.7 dit is geen afschrift')]]);
    expect(notXml.status).toBe(400);
    expect(notXml.body.detail).toMatch(/^xml: is not well-formed XML/);
    expect((await statements()).length).toBe(n);
  });

  it('refuses an upload without a token (401) and does not read the file', async () => {
    const form = new FormData();
    form.append('file', file(camt053({ statementId: 'ANON', entries: [{ amount: '1.00' }] })), 'a.xml');
    const res = await fetch(`${t.baseUrl}/api/v1/bank-statements`, { method: 'POST', body: form });
    expect(res.status).toBe(401);
    const pro = await fetch(`${t.baseUrl}/api/v1/bank-statements`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await t.tokenFor(U.pro)}` } });
    expect(pro.status).toBe(403);
  });

  it('treats another file under the same Idempotency-Key as another request (409)', async () => {
    const a = camt053({ statementId: 'IDEM-A', entries: [{ amount: '1.00' }] });
    const b = camt053({ statementId: 'IDEM-B', entries: [{ amount: '1.00' }] });
    const headers = { 'Idempotency-Key': 'upload-idem-1' };
    expect((await upload([['file', file(a)]], headers)).status).toBe(201);
    const replay = await upload([['file', file(a)]], headers);
    expect(replay.status).toBe(201);
    expect(replay.body.statements[0].statementId).toBe('IDEM-A');
    expect((await upload([['file', file(b)]], headers)).status).toBe(409);
    expect((await statements()).map((s) => s.statementId)).not.toContain('IDEM-B');
  });

  it('documents both request bodies and the 413 in the served OpenAPI document', async () => {
    const doc = ok(await t.api('GET', '/api/v1/openapi.json')).body;
    const op = doc.paths['/bank-statements'].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(op.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/StatementUploadDto');
    expect(op.requestBody.content['multipart/form-data'].schema).toMatchObject({ required: ['file'], properties: { file: { type: 'string', format: 'binary' } } });
    expect(op['x-multipart-alternative']).toBeUndefined();
    expect(op.responses['413'].description).toContain('5242880 bytes');
    expect(doc.components.schemas.StatementUploadDto.required).toContain('xml');
  });
});
