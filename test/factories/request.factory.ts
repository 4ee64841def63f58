import type { TestApp } from '../support/app';
import { ok } from '../support/expect';
import { U } from '../support/users';

/** The canonical request: an annual rail pass instead of fines ending in detention. */
export function requestBody(caseId: string, fundId: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId,
    fundId,
    title: 'Jaarabonnement trein',
    justification: 'Reist zonder kaartje; boetes lopen op tot detentie.',
    amount: '1000.00',
    payee: 'NS Reizigers',
    lifeDomain: 'safety',
    urgent: false,
    barriers: ['rules_protocol'],
    existingProvisions: [{ provision: 'Wmo-vervoer', reason: 'not_eligible', note: 'geen indicatie' }],
    residentWish: 'Gewoon met de trein kunnen reizen.',
    conventionalRoute: [
      { costItemKey: 'detention_day', quantity: '30', probability: '0.5', note: 'boetes → hechtenis' },
      { costItemKey: 'case_meeting', quantity: '4', probability: '1' },
    ],
    ...patch,
  };
}

export async function makeRequest(t: TestApp, caseId: string, fundId: string, patch: Record<string, unknown> = {}, as: string = U.pro): Promise<any> {
  return ok(await t.api('POST', '/api/v1/requests', { as, body: requestBody(caseId, fundId, patch) }), 201).body;
}

export async function act(t: TestApp, id: string, action: string, as: string, body: unknown = {}, status = 200): Promise<any> {
  return ok(await t.api('POST', `/api/v1/requests/${id}/${action}`, { as, body }), status).body;
}
