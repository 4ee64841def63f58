import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../support/app';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

export const DEBTOR = { debtorName: 'Gemeente Zuidoost', debtorIban: 'NL02ABNA0123456789', debtorBic: 'ABNANL2A' };
export const XSD_DIR = join(__dirname, 'xsd');

/** An approved request (1000.00 by default) with a payee account set by its requester. */
export async function approvedWithPayee(t: TestApp, caseId: string, fundId: string, opts: { amount?: string; iban?: string | null; title?: string } = {}): Promise<string> {
  const r = await makeRequest(t, caseId, fundId, { amount: opts.amount ?? '1000.00', title: opts.title ?? 'Jaarabonnement trein' });
  const submitted = await act(t, r.id, 'submit', U.pro);
  // within the requester's mandate a request is approved on submission
  if (submitted.status === 'submitted') await act(t, r.id, 'approve', U.bh, { comment: 'akkoord' });
  if (opts.iban !== null) {
    ok(await t.api('PUT', `/api/v1/requests/${r.id}/payee-account`, { as: U.pro, body: { name: 'NS Reizigers B.V.', iban: opts.iban ?? 'NL20 INGB 0001 2345 67' } }));
  }
  return r.id;
}

/** `xmllint --schema` of an XML text against the pain.001.001.09 schema shipped in test/payments/xsd. */
export function xmllint(xml: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dbb-pain-'));
  const file = join(dir, 'batch.xml');
  writeFileSync(file, xml);
  const xsd = readdirSync(XSD_DIR).find((f) => f.startsWith('pain.001.001.09') && f.endsWith('.xsd'));
  if (!xsd) throw new Error(`no pain.001.001.09 XSD in ${XSD_DIR}`);
  const r = spawnSync('xmllint', ['--noout', '--schema', join(XSD_DIR, xsd), file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
