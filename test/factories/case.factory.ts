import type { TestApp } from '../support/app';
import { ok } from '../support/expect';
import { U } from '../support/users';

/** A case of the professional (default Petra), through the API. */
export async function makeCase(t: TestApp, as: string = U.pro, body: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  return ok(await t.api('POST', '/api/v1/cases', { as, body: { neighbourhood: 'Zuid-Oost', lifeDomains: ['housing', 'safety'], ...body } }), 201).body;
}
