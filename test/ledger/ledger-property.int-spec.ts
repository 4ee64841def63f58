import { TestingModule } from '@nestjs/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../../src/common/domain-error';
import { Dec, moneyString } from '../../src/common/money';
import { LedgerService } from '../../src/ledger/ledger.service';
import { LedgerVerifier } from '../../src/ledger/ledger-verifier';
import { OrganisationEntity } from '../../src/organisations/organisation.entity';
import { LedgerFactory, ledgerFactory, ledgerTestingModule } from '../factories/ledger.factory';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * Release, pay and refund take a percentage of what the request holds (above 100 must be refused),
 * so that they succeed as often as they are refused instead of nearly always missing.
 */
type Command =
  | { op: 'contribute' | 'reserve'; req: number; cents: number }
  | { op: 'release' | 'refund'; req: number; pct: number }
  | { op: 'pay'; req: number; pct: number; releaseRemainder: boolean }
  | { op: 'reverse'; pick: number };

const REQUESTS = 2;
const cents = fc.integer({ min: 1, max: 60_000 });
const req = fc.integer({ min: 0, max: REQUESTS - 1 });
const pct = fc.integer({ min: 1, max: 125 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('contribute' as const), req, cents }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('reserve' as const), req, cents }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('release' as const), req, pct }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('pay' as const), req, pct, releaseRemainder: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('refund' as const), req, pct }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
);

/** The ledger as a few integers of cents: what every operation should do and refuse. */
class Model {
  available = 0;
  committed = Array<number>(REQUESTS).fill(0);
  spent = Array<number>(REQUESTS).fill(0);
  entries: { id: string; kind: string; req: number | null; cents: number; reversed: boolean }[] = [];

  /** Apply a movement's effect, or return the error code the ledger must answer with. */
  effect(kind: string, r: number | null, c: number, sign: 1 | -1): string | null {
    const d = { available: 0, committed: 0, spent: 0 };
    if (kind === 'contribution') d.available = c;
    if (kind === 'reservation') Object.assign(d, { available: -c, committed: c });
    if (kind === 'release') Object.assign(d, { available: c, committed: -c });
    if (kind === 'payment') Object.assign(d, { committed: -c, spent: c });
    if (kind === 'refund') Object.assign(d, { spent: -c, available: c });
    const next = { available: this.available + sign * d.available, committed: r === null ? 0 : this.committed[r] + sign * d.committed, spent: r === null ? 0 : this.spent[r] + sign * d.spent };
    if (next.available < 0) return 'LEDGER.INSUFFICIENT_FUNDS';
    if (next.committed < 0) return 'LEDGER.EXCEEDS_COMMITMENT';
    if (next.spent < 0) return 'LEDGER.EXCEEDS_SPENT';
    this.available = next.available;
    if (r !== null) [this.committed[r], this.spent[r]] = [next.committed, next.spent];
    return null;
  }
}

const money = (c: number) => new Dec(c).dividedBy(100).toFixed(2);

describe('LedgerService properties', () => {
  let db: TestDatabase;
  let app: TestingModule;
  let ledger: LedgerService;
  let verifier: LedgerVerifier;
  let make: LedgerFactory;
  let partner: OrganisationEntity;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await ledgerTestingModule(db.url);
    ledger = app.get(LedgerService);
    verifier = app.get(LedgerVerifier);
    make = ledgerFactory(app.get(DataSource), ledger);
    partner = await make.organisation();
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  /** Run one command against the ledger and the model; both must agree on success or on the refusal. */
  async function step(fundId: string, requestIds: string[], model: Model, cmd: Command): Promise<void> {
    const expectCode = async (expected: string | null, call: () => Promise<unknown>) => {
      const outcome = await call().then(
        (value) => ({ code: null as string | null, value }),
        (e: unknown) => {
          if (!(e instanceof DomainError)) throw e;
          return { code: e.code, value: undefined };
        },
      );
      expect({ cmd, code: outcome.code }).toEqual({ cmd, code: expected });
      return outcome.value;
    };
    if (cmd.op === 'reverse') {
      if (!model.entries.length) return;
      const target = model.entries[cmd.pick % model.entries.length];
      const code = target.reversed ? 'LEDGER.ALREADY_REVERSED' : target.kind === 'reversal' ? 'LEDGER.NOT_REVERSIBLE' : model.effect(target.kind, target.req, target.cents, -1);
      const result = (await expectCode(code, () => ledger.reverse({ entryId: target.id, actorId: null, reason: 'property' }))) as { entry: { id: string } } | undefined;
      if (result) {
        target.reversed = true;
        model.entries.push({ id: result.entry.id, kind: 'reversal', req: target.req, cents: target.cents, reversed: false });
      }
      return;
    }
    const kind = { contribute: 'contribution', reserve: 'reservation', release: 'release', pay: 'payment', refund: 'refund' }[cmd.op];
    const r = cmd.op === 'contribute' ? null : cmd.req;
    const before = r === null ? 0 : model.committed[r];
    const requestId = r === null ? '' : requestIds[r];
    const base = cmd.op === 'refund' ? model.spent[cmd.req] : cmd.op === 'release' || cmd.op === 'pay' ? model.committed[cmd.req] : 0;
    const amountCents = 'cents' in cmd ? cmd.cents : Math.max(1, Math.floor((base * cmd.pct) / 100));
    const amount = money(amountCents);
    const code = model.effect(kind, r, amountCents, 1);
    const call = {
      contribute: () => ledger.contribute({ fundId, organisationId: partner.id, amount, actorId: null }),
      reserve: () => ledger.reserve({ fundId, requestId, amount, actorId: null }),
      release: () => ledger.release({ fundId, requestId, amount, actorId: null, memo: 'property' }),
      pay: () => ledger.pay({ fundId, requestId, amount, reference: 'property', actorId: null, releaseRemainder: cmd.op === 'pay' && cmd.releaseRemainder }),
      refund: () => ledger.refund({ fundId, requestId, amount, actorId: null, note: 'property' }),
    }[cmd.op];
    const result = (await expectCode(code, call)) as { entry: { id: string }; releaseEntry?: { id: string } | null } | undefined;
    if (!result) return;
    model.entries.push({ id: result.entry.id, kind, req: r, cents: amountCents, reversed: false });
    const rest = before - amountCents;
    if (cmd.op === 'pay' && cmd.releaseRemainder && r !== null && rest > 0) {
      expect(result.releaseEntry).toBeTruthy();
      model.effect('release', r, rest, 1);
      model.entries.push({ id: result.releaseEntry!.id, kind: 'release', req: r, cents: rest, reversed: false });
    }
  }

  it('keeps every invariant for random sequences of contributions, reservations, releases, payments, refunds and reversals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 6, maxLength: 20, size: 'max' }), fc.integer({ min: 0, max: 300_000 }), async (commands, startCents) => {
        const fund = await make.fund();
        const model = new Model();
        const requestIds = Array.from({ length: REQUESTS }, () => randomUUID());
        for (const cmd of [{ op: 'contribute', req: 0, cents: startCents } as Command, ...commands]) {
          if (cmd.op === 'contribute' && cmd.cents === 0) continue;
          await step(fund.id, requestIds, model, cmd);
        }
        const b = await ledger.balances(fund.id);
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        expect([b.available, b.committed, b.spent].map(moneyString)).toEqual([money(model.available), money(sum(model.committed)), money(sum(model.spent))]);
        expect(moneyString(b.budget)).toBe(moneyString(b.contributions.reduce((s, c) => s.plus(c.amount), new Dec(0)).plus(b.transferred)));
        for (const [i, id] of requestIds.entries()) {
          const held = await ledger.requestBalances(fund.id, id);
          expect([moneyString(held.committed), moneyString(held.spent)]).toEqual([money(model.committed[i]), money(model.spent[i])]);
        }
        const verified = await verifier.verify();
        expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
