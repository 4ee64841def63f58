import { Dec } from '../common/money';
import { checkApprover, decideTier, maxTier } from './tiers';

const rules = { requesterMandate: new Dec('250.00'), singleApproverLimit: new Dec('2500.00'), personCapPerYear: new Dec('5000.00') };
const tier = (amount: string, personYearTotal = '0', personalMandate: string | null = null) =>
  decideTier({ amount: new Dec(amount), personalMandate: personalMandate === null ? null : new Dec(personalMandate), rules, personYearTotal: new Dec(personYearTotal) });

describe('decideTier', () => {
  it('puts an amount equal to the fund mandate in the requester tier', () => {
    const d = tier('250.00');
    expect(d).toMatchObject({ tier: 'requester', withinMandate: true, requiredApprovals: 0, overPersonCap: false });
    expect(d.reason).toContain('Binnen mandaat');
    expect(d.mandate.toFixed(2)).toBe('250.00');
  });

  it('puts one cent above the mandate in the single tier', () => {
    expect(tier('250.01')).toMatchObject({ tier: 'single', withinMandate: false, requiredApprovals: 1 });
  });

  it('uses the personal mandate instead of the fund mandate when the user has one', () => {
    expect(tier('400.00', '0', '500.00').tier).toBe('requester');
    expect(tier('200.00', '0', '100.00').tier).toBe('single');
  });

  it('puts the single approver limit itself in the single tier and one cent more in the double tier', () => {
    expect(tier('2500.00').tier).toBe('single');
    const d = tier('2500.01');
    expect(d).toMatchObject({ tier: 'double', requiredApprovals: 2, overPersonCap: false });
    expect(d.reason).toContain('€ 2.500,00');
  });

  it('needs the top tier when the person would go over the yearly cap, even for a small amount', () => {
    const d = tier('100.00', '4900.01');
    expect(d).toMatchObject({ tier: 'double', overPersonCap: true, withinMandate: false, requiredApprovals: 2 });
    expect(d.reason).toContain('persoonsplafond');
    expect(d.reason).toContain('€ 4.900,01');
    expect(d.reason).toContain('€ 5.000,01');
    expect(d.reason).toContain('€ 5.000,00');
  });

  it('allows reaching the cap exactly without escalation', () => {
    expect(tier('100.00', '4900.00').tier).toBe('requester');
  });
});

describe('maxTier', () => {
  it('never lowers a tier', () => {
    expect(maxTier('single', 'requester')).toBe('single');
    expect(maxTier('single', 'double')).toBe('double');
    expect(maxTier('requester', 'requester')).toBe('requester');
  });
});

describe('checkApprover', () => {
  const holderA = { userId: 'u-a', organisationId: 'org-1', isFundHolder: true, isSteeringGroup: false };
  const holderA2 = { userId: 'u-a2', organisationId: 'org-1', isFundHolder: true, isSteeringGroup: false };
  const holderB = { userId: 'u-b', organisationId: 'org-2', isFundHolder: true, isSteeringGroup: false };
  const steering = { userId: 'u-s', organisationId: 'org-1', isFundHolder: false, isSteeringGroup: true };
  const first = [{ approverId: 'u-a', organisationId: 'org-1', role: 'budget_holder' }];

  it('refuses the requester approving their own request', () => {
    expect(checkApprover({ tier: 'single', requesterId: 'u-a', given: [], approver: holderA })).toMatchObject({ ok: false, kind: 'forbidden', code: 'REQUEST.OWN_REQUEST' });
  });

  it('lets a fund holder give the only approval of a single-tier request', () => {
    expect(checkApprover({ tier: 'single', requesterId: 'u-p', given: [], approver: holderA })).toEqual({ ok: true, role: 'budget_holder', completes: true });
  });

  it('refuses a first approval by a steering-group member', () => {
    expect(checkApprover({ tier: 'double', requesterId: 'u-p', given: [], approver: steering })).toMatchObject({ ok: false, code: 'REQUEST.NOT_FUND_HOLDER' });
  });

  it('does not complete a double-tier request with the first approval', () => {
    expect(checkApprover({ tier: 'double', requesterId: 'u-p', given: [], approver: holderA })).toEqual({ ok: true, role: 'budget_holder', completes: false });
  });

  it('refuses the same person giving both approvals', () => {
    expect(checkApprover({ tier: 'double', requesterId: 'u-p', given: first, approver: holderA })).toMatchObject({ ok: false, kind: 'forbidden', code: 'REQUEST.ALREADY_APPROVED_BY_YOU' });
  });

  it('refuses a second budget holder of the same organisation', () => {
    expect(checkApprover({ tier: 'double', requesterId: 'u-p', given: first, approver: holderA2 })).toMatchObject({ ok: false, kind: 'forbidden', code: 'REQUEST.SECOND_APPROVER' });
  });

  it('accepts a budget holder of another organisation as the second', () => {
    expect(checkApprover({ tier: 'double', requesterId: 'u-p', given: first, approver: holderB })).toEqual({ ok: true, role: 'budget_holder', completes: true });
  });

  it('accepts a steering-group member as the second, whatever their organisation', () => {
    expect(checkApprover({ tier: 'double', requesterId: 'u-p', given: first, approver: steering })).toEqual({ ok: true, role: 'steering_group', completes: true });
  });
});
