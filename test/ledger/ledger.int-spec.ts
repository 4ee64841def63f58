import { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { moneyString } from '../../src/common/money';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { FundEntity } from '../../src/funds/fund.entity';
import { OrganisationEntity } from '../../src/organisations/organisation.entity';
import { chainedReason, chainHash, GENESIS_HASH, REQUEST_EVENT_FORMAT, requestEventChainContent } from '../../src/ledger/hash-chain';
import { LedgerService } from '../../src/ledger/ledger.service';
import { LedgerVerifier } from '../../src/ledger/ledger-verifier';
import { RequestEventEntity } from '../../src/requests/request.entities';
import { balanceStrings, LedgerFactory, ledgerFactory, ledgerTestingModule } from '../factories/ledger.factory';
import { createTestDatabase, TestDatabase } from '../support/database';

describe('LedgerService', () => {
  let db: TestDatabase;
  let app: TestingModule;
  let ds: DataSource;
  let ledger: LedgerService;
  let tx: TransactionRunner;
  let make: LedgerFactory;
  let gemeente: OrganisationEntity;
  let ggz: OrganisationEntity;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await ledgerTestingModule(db.url);
    ds = app.get(DataSource);
    ledger = app.get(LedgerService);
    tx = app.get(TransactionRunner);
    make = ledgerFactory(ds, ledger);
    gemeente = await make.organisation({ name: 'Gemeente Utrecht' });
    ggz = await make.organisation({ name: 'GGZ Centraal', kind: 'mental_health' });
  });

  afterAll(async () => {
    // every scenario above left a consistent ledger behind
    await expect(app.get(LedgerVerifier).verify()).resolves.toMatchObject({ ok: true });
    await app.close();
    await db.drop();
  });

  const balances = async (fund: FundEntity) => balanceStrings(await ledger.balances(fund.id));
  const storedAccounts = async (fund: FundEntity) =>
    Object.fromEntries(
      ((await ds.query('SELECT code, balance FROM ledger_accounts WHERE fund_id = $1', [fund.id])) as { code: string; balance: string }[]).map((r) => [
        r.code.replace(/:.*/, ''),
        r.balance,
      ]),
    );
  const fundWith = (amount: string) => make.fund({ contributions: { [gemeente.id]: amount } });

  describe('contribute', () => {
    it('books partner money as available with a negative contribution account', async () => {
      const fund = await make.fund();
      const result = await ledger.contribute({ fundId: fund.id, organisationId: gemeente.id, amount: '1000.00', note: 'bijdrage 2026', actorId: null });
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '0.00', spent: '0.00', available: '1000.00' });
      expect(result.contribution).toMatchObject({ fundId: fund.id, organisationId: gemeente.id, note: 'bijdrage 2026' });
      expect(moneyString(result.contribution.amount)).toBe('1000.00');
      expect(result.entry.kind).toBe('contribution');
      expect(result.entry.contributionId).toBe(result.contribution.id);
      expect(result.entry.postings.map((p) => [p.code.replace(/:.*/, ''), moneyString(p.amount)]).sort()).toEqual([
        ['available', '1000.00'],
        ['contribution', '-1000.00'],
      ]);
      await expect(storedAccounts(fund)).resolves.toEqual({ available: '1000.00', committed: '0.00', spent: '0.00', transfer: '0.00', in_payment: '0.00', contribution: '-1000.00' });
    });

    it('keeps one contribution account per partner and reports each partner net', async () => {
      const fund = await make.fund({ contributions: { [gemeente.id]: '600.00', [ggz.id]: '400.00' } });
      await ledger.contribute({ fundId: fund.id, organisationId: gemeente.id, amount: '0.01', actorId: null });
      const b = await ledger.balances(fund.id);
      expect(moneyString(b.budget)).toBe('1000.01');
      expect(Object.fromEntries(b.contributions.map((c) => [c.organisationId, moneyString(c.amount)]))).toEqual({ [gemeente.id]: '600.01', [ggz.id]: '400.00' });
    });

    it('refuses an unknown organisation naming the field', async () => {
      const fund = await make.fund();
      await expect(ledger.contribute({ fundId: fund.id, organisationId: randomUUID(), amount: '10.00', actorId: null })).rejects.toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ location: '#/organisationId' })],
      });
    });

    it('refuses an effective date that is not a real date', async () => {
      const fund = await make.fund();
      await expect(ledger.contribute({ fundId: fund.id, organisationId: gemeente.id, amount: '10.00', actorId: null, effectiveDate: '2026-02-30' })).rejects.toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ location: '#/effectiveDate' })],
      });
    });
  });

  describe('reserve', () => {
    it('moves money from available to committed', async () => {
      const fund = await fundWith('1000.00');
      const result = await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '300.00', actorId: null });
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '300.00', spent: '0.00', available: '700.00' });
      await expect(balances(fund)).resolves.toEqual({ budget: '1000.00', committed: '300.00', spent: '0.00', available: '700.00' });
    });

    it('refuses a reservation above what is available and says how much is available', async () => {
      const fund = await fundWith('200.00');
      const attempt = ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '300.00', actorId: null });
      await expect(attempt).rejects.toMatchObject({ kind: 'conflict', code: 'LEDGER.INSUFFICIENT_FUNDS' });
      await expect(attempt).rejects.toThrow('the fund has € 200.00 available; € 300.00 was asked (available 200.00, requested 300.00)');
      await expect(balances(fund)).resolves.toEqual({ budget: '200.00', committed: '0.00', spent: '0.00', available: '200.00' });
    });

    it('reserves exactly everything that is available, and not one cent more', async () => {
      const fund = await fundWith('100.00');
      await expect(ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '100.00', actorId: null })).resolves.toBeDefined();
      await expect(ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '0.01', actorId: null })).rejects.toMatchObject({ code: 'LEDGER.INSUFFICIENT_FUNDS' });
      await expect(balances(fund)).resolves.toEqual({ budget: '100.00', committed: '100.00', spent: '0.00', available: '0.00' });
    });

    it.each([['0'], ['0.00'], ['-5.00'], ['1.005'], ['abc'], ['1000000000.01']])('refuses the amount %s as an invalid amount', async (amount) => {
      const fund = await fundWith('100.00');
      await expect(ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount, actorId: null })).rejects.toMatchObject({
        kind: 'invalid',
        errors: [expect.objectContaining({ location: '#/amount' })],
      });
    });

    it('refuses an unknown fund as not found', async () => {
      await expect(ledger.reserve({ fundId: randomUUID(), requestId: randomUUID(), amount: '1.00', actorId: null })).rejects.toMatchObject({ kind: 'not_found' });
    });
  });

  describe('release', () => {
    it('gives part of a commitment back and refuses releasing more than the request holds', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '300.00', actorId: null });
      const result = await ledger.release({ fundId: fund.id, requestId, amount: '100.00', actorId: null, memo: 'goedkoper uitgevallen' });
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '200.00', spent: '0.00', available: '800.00' });
      await expect(ledger.release({ fundId: fund.id, requestId, amount: '200.01', actorId: null, memo: 'te veel' })).rejects.toMatchObject({
        code: 'LEDGER.EXCEEDS_COMMITMENT',
        message: expect.stringContaining('committed 200.00, requested 200.01'),
      });
      await expect(ledger.requestBalances(fund.id, requestId).then((r) => moneyString(r.committed))).resolves.toBe('200.00');
    });

    it('does not let one request release what another request committed', async () => {
      const fund = await fundWith('1000.00');
      await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '500.00', actorId: null });
      await expect(ledger.release({ fundId: fund.id, requestId: randomUUID(), amount: '1.00', actorId: null, memo: 'x' })).rejects.toMatchObject({
        code: 'LEDGER.EXCEEDS_COMMITMENT',
      });
    });

    it('requires a memo', async () => {
      const fund = await fundWith('10.00');
      await expect(ledger.release({ fundId: fund.id, requestId: randomUUID(), amount: '1.00', actorId: null, memo: ' ' })).rejects.toMatchObject({
        errors: [expect.objectContaining({ location: '#/memo' })],
      });
    });
  });

  describe('pay', () => {
    it('creates a payment and moves the amount from committed to spent', async () => {
      const fund = await fundWith('5000.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '3000.00', actorId: null });
      const result = await ledger.pay({ fundId: fund.id, requestId, amount: '3000.00', reference: 'NS jaarabonnement', actorId: null });
      expect(result.payment).toMatchObject({ requestId, fundId: fund.id, reference: 'NS jaarabonnement' });
      expect(moneyString(result.payment.amount)).toBe('3000.00');
      expect(result.entry).toMatchObject({ kind: 'payment', paymentId: result.payment.id, requestId });
      expect(result.releaseEntry).toBeNull();
      expect(balanceStrings(result.balances)).toEqual({ budget: '5000.00', committed: '0.00', spent: '3000.00', available: '2000.00' });
    });

    it('pays part of a commitment and releases the rest when asked', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '300.00', actorId: null });
      const result = await ledger.pay({ fundId: fund.id, requestId, amount: '250.00', reference: 'factuur 17', actorId: null, releaseRemainder: true });
      expect(result.releaseEntry).toMatchObject({ kind: 'release', requestId });
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '0.00', spent: '250.00', available: '750.00' });
      expect(BigInt(result.releaseEntry!.chainSeq)).toBe(BigInt(result.entry.chainSeq) + 1n);
    });

    it('releases exactly the given remainder of the commitment', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '300.00', actorId: null });
      const result = await ledger.pay({ fundId: fund.id, requestId, amount: '100.00', reference: 'deel 1', actorId: null, remainderOfCommitment: '50.00' });
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '150.00', spent: '100.00', available: '750.00' });
      await expect(
        ledger.pay({ fundId: fund.id, requestId, amount: '100.00', reference: 'deel 2', actorId: null, remainderOfCommitment: '50.01' }),
      ).rejects.toMatchObject({ code: 'LEDGER.EXCEEDS_COMMITMENT' });
      await expect(balances(fund)).resolves.toEqual({ budget: '1000.00', committed: '150.00', spent: '100.00', available: '750.00' });
    });

    it('refuses paying more than the request has committed and leaves no payment behind', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '300.00', actorId: null });
      await expect(ledger.pay({ fundId: fund.id, requestId, amount: '300.01', reference: 'x', actorId: null })).rejects.toMatchObject({
        code: 'LEDGER.EXCEEDS_COMMITMENT',
      });
      await expect(ds.query('SELECT COUNT(*)::int AS n FROM payments WHERE request_id = $1', [requestId])).resolves.toEqual([{ n: 0 }]);
    });

    it('requires a reference', async () => {
      const fund = await fundWith('10.00');
      await expect(ledger.pay({ fundId: fund.id, requestId: randomUUID(), amount: '1.00', reference: '', actorId: null })).rejects.toMatchObject({
        errors: [expect.objectContaining({ location: '#/reference' })],
      });
    });
  });

  describe('refund', () => {
    it('moves refunded money from spent back to available, up to what was paid', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '400.00', actorId: null });
      await ledger.pay({ fundId: fund.id, requestId, amount: '400.00', reference: 'borg', actorId: null });
      const result = await ledger.refund({ fundId: fund.id, requestId, amount: '150.00', actorId: null, note: 'borg deels terug' });
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '0.00', spent: '250.00', available: '750.00' });
      await expect(ledger.refund({ fundId: fund.id, requestId, amount: '250.01', actorId: null, note: 'te veel' })).rejects.toMatchObject({
        code: 'LEDGER.EXCEEDS_SPENT',
        message: expect.stringContaining('spent 250.00, requested 250.01'),
      });
    });
  });

  describe('transfer', () => {
    it('moves available money between funds with one entry in each fund', async () => {
      const from = await fundWith('1000.00');
      const to = await fundWith('100.00');
      const result = await ledger.transfer({ fromFundId: from.id, toFundId: to.id, amount: '400.00', actorId: null, note: 'herverdeling' });
      expect(balanceStrings(result.from.balances)).toEqual({ budget: '600.00', committed: '0.00', spent: '0.00', available: '600.00' });
      expect(balanceStrings(result.to.balances)).toEqual({ budget: '500.00', committed: '0.00', spent: '0.00', available: '500.00' });
      expect(moneyString(result.to.balances.transferred)).toBe('400.00');
      expect(result.from.entry.fundId).toBe(from.id);
      expect(result.to.entry.fundId).toBe(to.id);
    });

    it('refuses a transfer above what the source fund has available', async () => {
      const from = await fundWith('100.00');
      const to = await fundWith('100.00');
      await expect(ledger.transfer({ fromFundId: from.id, toFundId: to.id, amount: '100.01', actorId: null, note: 'x' })).rejects.toMatchObject({
        code: 'LEDGER.INSUFFICIENT_FUNDS',
      });
      await expect(balances(to)).resolves.toMatchObject({ budget: '100.00' });
    });

    it('refuses a transfer to the same fund and to an unknown fund', async () => {
      const fund = await fundWith('100.00');
      await expect(ledger.transfer({ fromFundId: fund.id, toFundId: fund.id, amount: '1.00', actorId: null, note: 'x' })).rejects.toMatchObject({
        errors: [expect.objectContaining({ location: '#/toFundId' })],
      });
      await expect(ledger.transfer({ fromFundId: fund.id, toFundId: randomUUID(), amount: '1.00', actorId: null, note: 'x' })).rejects.toMatchObject({
        kind: 'not_found',
      });
    });
  });

  describe('reverse', () => {
    it('negates the postings of the original entry and keeps its links', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      const { entry } = await ledger.reserve({ fundId: fund.id, requestId, amount: '300.00', actorId: null });
      const result = await ledger.reverse({ entryId: entry.id, actorId: null, reason: 'verkeerde aanvraag' });
      expect(result.entry).toMatchObject({ kind: 'reversal', reversesEntryId: entry.id, requestId, memo: 'verkeerde aanvraag' });
      const amounts = (e: typeof entry) => Object.fromEntries(e.postings.map((p) => [p.code, moneyString(p.amount)]));
      expect(amounts(result.entry)).toEqual({ available: '300.00', committed: '-300.00' });
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '0.00', spent: '0.00', available: '1000.00' });
    });

    it('refuses reversing the same entry twice, reversing a reversal, and reversing one side of a transfer', async () => {
      const fund = await fundWith('1000.00');
      const other = await fundWith('1.00');
      const { entry } = await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '10.00', actorId: null });
      const reversal = await ledger.reverse({ entryId: entry.id, actorId: null, reason: 'fout' });
      await expect(ledger.reverse({ entryId: entry.id, actorId: null, reason: 'nog eens' })).rejects.toMatchObject({ code: 'LEDGER.ALREADY_REVERSED' });
      await expect(ledger.reverse({ entryId: reversal.entry.id, actorId: null, reason: 'terug' })).rejects.toMatchObject({ code: 'LEDGER.NOT_REVERSIBLE' });
      const transfer = await ledger.transfer({ fromFundId: fund.id, toFundId: other.id, amount: '1.00', actorId: null, note: 'x' });
      await expect(ledger.reverse({ entryId: transfer.from.entry.id, actorId: null, reason: 'terug' })).rejects.toMatchObject({ code: 'LEDGER.NOT_REVERSIBLE' });
      await expect(ledger.reverse({ entryId: randomUUID(), actorId: null, reason: 'x' })).rejects.toMatchObject({ kind: 'not_found' });
    });

    it('refuses reversing a reservation that has already been paid', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      const { entry } = await ledger.reserve({ fundId: fund.id, requestId, amount: '300.00', actorId: null });
      await ledger.pay({ fundId: fund.id, requestId, amount: '200.00', reference: 'x', actorId: null });
      await expect(ledger.reverse({ entryId: entry.id, actorId: null, reason: 'fout' })).rejects.toMatchObject({ code: 'LEDGER.EXCEEDS_COMMITMENT' });
    });

    it('refuses reversing a contribution whose money is already committed', async () => {
      const fund = await make.fund();
      const { entry } = await ledger.contribute({ fundId: fund.id, organisationId: ggz.id, amount: '500.00', actorId: null });
      await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '400.00', actorId: null });
      await expect(ledger.reverse({ entryId: entry.id, actorId: null, reason: 'dubbel geboekt' })).rejects.toMatchObject({ code: 'LEDGER.INSUFFICIENT_FUNDS' });
    });

    it('reverses a payment back into the request commitment', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '300.00', actorId: null });
      const paid = await ledger.pay({ fundId: fund.id, requestId, amount: '300.00', reference: 'x', actorId: null });
      const result = await ledger.reverse({ entryId: paid.entry.id, actorId: null, reason: 'betaling mislukt' });
      expect(result.entry.paymentId).toBe(paid.payment.id);
      expect(balanceStrings(result.balances)).toEqual({ budget: '1000.00', committed: '300.00', spent: '0.00', available: '700.00' });
    });
  });

  describe('transactions', () => {
    it('joins a caller transaction and rolls back with it', async () => {
      const fund = await fundWith('1000.00');
      const before = await ds.getRepository(FundEntity).findOneByOrFail({ id: fund.id });
      await expect(
        tx.run(async () => {
          await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '300.00', actorId: null });
          await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '300.00', actorId: null });
          throw new Error('the workflow failed after reserving');
        }),
      ).rejects.toThrow('the workflow failed after reserving');
      await expect(balances(fund)).resolves.toEqual({ budget: '1000.00', committed: '0.00', spent: '0.00', available: '1000.00' });
      await expect(ds.getRepository(FundEntity).findOneByOrFail({ id: fund.id })).resolves.toMatchObject({ chainSeq: before.chainSeq, chainHead: before.chainHead });
    });

    it('runs at READ COMMITTED', async () => {
      const [row] = await tx.run(() => tx.manager.query('SHOW transaction_isolation'));
      expect(row.transaction_isolation).toBe('read committed');
    });

    it('sees its own earlier movements inside one caller transaction', async () => {
      const fund = await fundWith('500.00');
      await expect(
        tx.run(async () => {
          await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '300.00', actorId: null });
          await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '300.00', actorId: null });
        }),
      ).rejects.toMatchObject({ code: 'LEDGER.INSUFFICIENT_FUNDS' });
      await expect(balances(fund)).resolves.toMatchObject({ available: '500.00' });
    });
  });

  describe('hash chain', () => {
    it('chains journal entries and workflow events of one fund in one sequence', async () => {
      const fund = await fundWith('1000.00'); // seq 1: the contribution
      const requestId = randomUUID();
      const actorId = randomUUID();
      await ledger.withFund(fund.id, async (open) => {
        const { reason, ...salted } = chainedReason('akkoord');
        const event = { requestId, fundId: fund.id, actorId, actorRole: 'budget_holder', fromStatus: 'submitted', toStatus: 'approved', reasonDigest: salted.reasonDigest, createdAt: new Date() };
        const link = open.chain(requestEventChainContent(event));
        expect(link.chainSeq).toBe('2');
        expect(link.hash).toBe(chainHash(link.prevHash, '2', requestEventChainContent(event)));
        await tx.manager.getRepository(RequestEventEntity).insert({ ...event, ...link, reason, reasonSalt: salted.reasonSalt, chainFormat: REQUEST_EVENT_FORMAT });
        await open.reserve({ requestId, amount: '100.00', actorId });
      });
      const rows: { t: string; chain_seq: string; prev_hash: string; hash: string }[] = await ds.query(
        `SELECT 'entry' AS t, chain_seq, prev_hash, hash FROM journal_entries WHERE fund_id = $1
         UNION ALL SELECT 'event', chain_seq, prev_hash, hash FROM request_events WHERE fund_id = $1 ORDER BY chain_seq`,
        [fund.id],
      );
      expect(rows.map((r) => [r.t, r.chain_seq])).toEqual([['entry', '1'], ['event', '2'], ['entry', '3']]);
      expect(rows[0].prev_hash).toBe(GENESIS_HASH);
      expect(rows[1].prev_hash).toBe(rows[0].hash);
      expect(rows[2].prev_hash).toBe(rows[1].hash);
      await expect(ds.getRepository(FundEntity).findOneByOrFail({ id: fund.id })).resolves.toMatchObject({ chainSeq: '3', chainHead: rows[2].hash });
    });

    it.each([false, true])('refuses to move a chain head that moved while the fund was open (deferred writes: %s)', async (deferWrites) => {
      const fund = await fundWith('1000.00');
      await expect(
        tx.run(() =>
          ledger.withFund(
            fund.id,
            async (stale) => {
              // a second copy of the fund in the same transaction moves the head first
              await ledger.withFund(fund.id, (fresh) => fresh.reserve({ requestId: randomUUID(), amount: '100.00', actorId: null }), { deferWrites });
              // the stale copy takes the same place for a record of another table (whose own unique seq would not notice)
              stale.chain(requestEventChainContent({ requestId: randomUUID(), fundId: fund.id, actorId: randomUUID(), actorRole: 'budget_holder', fromStatus: 'submitted', toStatus: 'rejected', reasonDigest: chainedReason('nee').reasonDigest, createdAt: new Date() }));
            },
            { deferWrites },
          ),
        ),
      ).rejects.toThrow(/chain head of fund .* moved while it was open/);
      // the whole transaction rolled back, the fresh copy's reservation too
      await expect(balances(fund)).resolves.toMatchObject({ committed: '0.00', available: '1000.00' });
    });

    it('writes deferred movements before a read of the same fund needs them, and all of them with the head at the end', async () => {
      const fund = await fundWith('1000.00');
      const requestId = randomUUID();
      const seq = async () => (await ds.getRepository(FundEntity).findOneByOrFail({ id: fund.id })).chainSeq;
      const before = await seq();
      const released = await ledger.withFund(
        fund.id,
        async (open) => {
          expect(open.batch).not.toBeNull();
          await open.reserve({ requestId, amount: '300.00', actorId: null });
          await open.reserve({ requestId, amount: '50.00', actorId: null });
          // the release reads the request's commitment from the postings: the reservations must be written by then
          return open.release({ requestId, amount: '120.00', actorId: null, memo: 'te veel gereserveerd' });
        },
        { deferWrites: true },
      );
      expect(balanceStrings(released.balances)).toMatchObject({ committed: '230.00', available: '770.00' });
      await expect(balances(fund)).resolves.toMatchObject({ committed: '230.00', available: '770.00' });
      await expect(storedAccounts(fund)).resolves.toMatchObject({ committed: '230.00', available: '770.00' });
      expect((await ledger.requestBalances(fund.id, requestId)).committed.toFixed(2)).toBe('230.00');
      expect(BigInt(await seq()) - BigInt(before)).toBe(3n);
    });

    it('locks the fund for the caller until its transaction ends', async () => {
      const fund = await fundWith('1.00');
      await expect(ledger.withFund(fund.id, async (open) => open.fund)).resolves.toMatchObject({ id: fund.id, name: fund.name });
      await expect(ledger.withFund(randomUUID(), async (open) => open.fund)).rejects.toMatchObject({ kind: 'not_found' });
    });
  });

  describe('append-only journal', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of journal entries and postings', async () => {
      const fund = await fundWith('10.00');
      const [entry]: { id: string }[] = await ds.query('SELECT id FROM journal_entries WHERE fund_id = $1', [fund.id]);
      await expect(ds.query(`UPDATE journal_entries SET memo = 'changed' WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
      await expect(ds.query('DELETE FROM journal_entries WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
      await expect(ds.query('UPDATE journal_postings SET amount = amount * 2 WHERE entry_id = $1', [entry.id])).rejects.toThrow(/append-only/);
      await expect(ds.query('DELETE FROM journal_postings WHERE entry_id = $1', [entry.id])).rejects.toThrow(/append-only/);
      await expect(ds.query('TRUNCATE journal_postings')).rejects.toThrow(/append-only/);
      await expect(balances(fund)).resolves.toMatchObject({ available: '10.00' });
    });
  });

  describe('attribution', () => {
    it('attributes spending to partners pro rata, with parts that sum to the total', async () => {
      const fund = await make.fund({ contributions: { [gemeente.id]: '2000.00', [ggz.id]: '1000.00' } });
      for (const amount of ['100.00', '33.33', '0.01']) {
        const requestId = randomUUID();
        await ledger.reserve({ fundId: fund.id, requestId, amount, actorId: null });
        await ledger.pay({ fundId: fund.id, requestId, amount, reference: 'x', actorId: null });
      }
      const result = await ledger.attribution(fund.id);
      expect(moneyString(result.totalSpent)).toBe('133.34');
      expect(result.parts.map((p) => [p.organisationName, moneyString(p.contributed), p.share.toFixed(4), moneyString(p.spent)])).toEqual([
        ['GGZ Centraal', '1000.00', '0.3333', '44.45'],
        ['Gemeente Utrecht', '2000.00', '0.6667', '88.89'],
      ]);
      expect(result.parts.reduce((s, p) => s.plus(p.spent), result.totalSpent.minus(result.totalSpent)).toFixed(2)).toBe('133.34');
    });

    it('counts only spending with an effective date inside the period', async () => {
      const fund = await fundWith('100.00');
      const requestId = randomUUID();
      await ledger.reserve({ fundId: fund.id, requestId, amount: '10.00', actorId: null });
      await ledger.pay({ fundId: fund.id, requestId, amount: '10.00', reference: 'x', actorId: null });
      await expect(ledger.attribution(fund.id, '2000-01-01', '2000-12-31').then((a) => moneyString(a.totalSpent))).resolves.toBe('0.00');
      await expect(ledger.attribution(fund.id, '2000-01-01').then((a) => moneyString(a.totalSpent))).resolves.toBe('10.00');
      await expect(ledger.attribution(fund.id, '2000-13-01')).rejects.toMatchObject({ kind: 'invalid' });
    });
  });
});
