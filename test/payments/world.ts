import type { TestApp } from '../support/app';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

export { painSchema, xmllint } from './xsd';

export const DEBTOR = { debtorName: 'Gemeente Zuidoost', debtorIban: 'NL02ABNA0123456789', debtorBic: 'ABNANL2A' };

/** An approved request (1000.00 by default) with a payee account set by its requester. */
export async function approvedWithPayee(t: TestApp, caseId: string, fundId: string, opts: { amount?: string; iban?: string | null; title?: string; name?: string } = {}): Promise<string> {
  const r = await makeRequest(t, caseId, fundId, { amount: opts.amount ?? '1000.00', title: opts.title ?? 'Jaarabonnement trein' });
  const submitted = await act(t, r.id, 'submit', U.pro);
  // within the requester's mandate a request is approved on submission
  if (submitted.status === 'submitted') await act(t, r.id, 'approve', U.bh, { comment: 'akkoord' });
  if (opts.iban !== null) {
    ok(await t.api('PUT', `/api/v1/requests/${r.id}/payee-account`, { as: U.pro, body: { name: opts.name ?? 'NS Reizigers B.V.', iban: opts.iban ?? 'NL20 INGB 0001 2345 67' } }));
  }
  return r.id;
}
