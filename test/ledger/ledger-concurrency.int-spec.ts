import { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../../src/common/domain-error';
import { LedgerService } from '../../src/ledger/ledger.service';
import { LedgerVerifier } from '../../src/ledger/ledger-verifier';
import { OrganisationEntity } from '../../src/organisations/organisation.entity';
import { balanceStrings, LedgerFactory, ledgerFactory, ledgerTestingModule } from '../factories/ledger.factory';
import { createTestDatabase, TestDatabase } from '../support/database';

/** Outcome counts of settled ledger calls: fulfilled, and rejected by error code. */
function tally(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) {
    const key = r.status === 'fulfilled' ? 'ok' : r.reason instanceof DomainError ? r.reason.code : `unexpected: ${String(r.reason)}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe('LedgerService under concurrency', () => {
  let db: TestDatabase;
  let app: TestingModule;
  let second: TestingModule;
  let ledger: LedgerService;
  let make: LedgerFactory;
  let partner: OrganisationEntity;

  beforeAll(async () => {
    db = await createTestDatabase();
    // at least ten connections each, so the reservations really run side by side on PostgreSQL
    app = await ledgerTestingModule(db.url, 12);
    second = await ledgerTestingModule(db.url, 12);
    ledger = app.get(LedgerService);
    make = ledgerFactory(app.get(DataSource), ledger);
    partner = await make.organisation();
  });

  afterAll(async () => {
    await expect(app.get(LedgerVerifier).verify()).resolves.toMatchObject({ ok: true });
    await second.close();
    await app.close();
    await db.drop();
  });

  const reserve100 = (service: LedgerService, fundId: string) => service.reserve({ fundId, requestId: randomUUID(), amount: '100.00', actorId: null });

  it('lets exactly 10 of 50 concurrent reservations of 100.00 through against 1000.00', async () => {
    const fund = await make.fund({ contributions: { [partner.id]: '1000.00' } });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => reserve100(ledger, fund.id)));
    expect(tally(results)).toEqual({ ok: 10, 'LEDGER.INSUFFICIENT_FUNDS': 40 });
    expect(balanceStrings(await ledger.balances(fund.id))).toEqual({ budget: '1000.00', committed: '1000.00', spent: '0.00', available: '0.00' });
  });

  it('still lets exactly 10 through when two app instances with their own connection pools race', async () => {
    const fund = await make.fund({ contributions: { [partner.id]: '1000.00' } });
    const other = second.get(LedgerService);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => reserve100(i % 2 === 0 ? ledger : other, fund.id)),
    );
    expect(tally(results)).toEqual({ ok: 10, 'LEDGER.INSUFFICIENT_FUNDS': 40 });
    expect(balanceStrings(await other.balances(fund.id))).toEqual({ budget: '1000.00', committed: '1000.00', spent: '0.00', available: '0.00' });
  });

  it('runs transfers in opposite directions at the same time without deadlock', async () => {
    const a = await make.fund({ contributions: { [partner.id]: '1000.00' } });
    const b = await make.fund({ contributions: { [partner.id]: '1000.00' } });
    const other = second.get(LedgerService);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? ledger : other).transfer({
          fromFundId: i % 2 === 0 ? a.id : b.id,
          toFundId: i % 2 === 0 ? b.id : a.id,
          amount: '10.00',
          actorId: null,
          note: `transfer ${i}`,
        }),
      ),
    );
    expect(tally(results)).toEqual({ ok: 20 });
    expect(balanceStrings(await ledger.balances(a.id))).toMatchObject({ budget: '1000.00', available: '1000.00' });
    expect(balanceStrings(await ledger.balances(b.id))).toMatchObject({ budget: '1000.00', available: '1000.00' });
  });

  it('reverses an entry only once when the same reversal arrives twice at the same time', async () => {
    const fund = await make.fund({ contributions: { [partner.id]: '500.00' } });
    const { entry } = await reserve100(ledger, fund.id);
    const results = await Promise.allSettled(
      [ledger, second.get(LedgerService), ledger, second.get(LedgerService)].map((s) => s.reverse({ entryId: entry.id, actorId: null, reason: 'dubbel' })),
    );
    expect(tally(results)).toEqual({ ok: 1, 'LEDGER.ALREADY_REVERSED': 3 });
    expect(balanceStrings(await ledger.balances(fund.id))).toMatchObject({ committed: '0.00', available: '500.00' });
  });
});
