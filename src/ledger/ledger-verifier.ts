import { Injectable } from '@nestjs/common';
import { Dec, moneyString, sumDec } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import {
  chainHash, GENESIS_HASH, journalEntryChainContent, legacyRequestEventChainContent, reasonDigest, reasonSealChainContent,
  requestEventChainContent, sealedEventDigest,
} from './hash-chain';
import { CheckpointService } from './checkpoint.service';
import { AccountSumRow, AuditEventRow, ChainRow, LedgerAuditRepository } from './ledger-audit.repository';
import { LedgerRepository } from './ledger.repository';
import type { BrokenRecord, VerifyCheck } from './ledger.types';

export type { BrokenRecord, VerifyCheck };

export interface VerifyResult {
  ok: boolean;
  /** number of journal entries checked */
  entries: number;
  checks: VerifyCheck[];
}

const REPORT_LIMIT = 20;
const CHAIN_PAGE = 500;

interface Problem {
  record: BrokenRecord;
  text: string;
}

/** Build one check from its problems: ok when there are none, else the first few in the detail. */
function check(name: string, okDetail: string, problems: Problem[], more = false): VerifyCheck {
  if (!problems.length) return { name, ok: true, detail: okDetail };
  const shown = problems.slice(0, 5).map((p) => p.text);
  const rest = problems.length - shown.length;
  const tail = rest > 0 || more ? `; and ${more ? 'more' : `${rest} more`}` : '';
  return { name, ok: false, detail: shown.join('; ') + tail, firstBroken: problems[0].record };
}

/**
 * Recomputes the ledger from its postings and its hash chains and compares with what is stored:
 * balanced entries, stored balances, every fund's budget identity, transfers between funds, and
 * every fund's chain (journal entries, workflow events and seals). Runs on one read-only snapshot.
 */
@Injectable()
export class LedgerVerifier {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: LedgerAuditRepository,
    private readonly ledger: LedgerRepository,
    private readonly checkpoints: CheckpointService,
  ) {}

  async verify(): Promise<VerifyResult> {
    const standalone = !this.tx.inTransaction;
    // read before the snapshot starts, so that every checkpointed head is visible in it
    const anchors = this.checkpoints.read();
    return this.tx.run(async () => {
      if (standalone) await this.audit.useSnapshot();
      const entries = await this.audit.countEntries();
      const funds = await this.audit.funds();
      const names = new Map(funds.map((f) => [f.id, f.name]));
      const accounts = await this.audit.accountSums();
      const checks = [
        await this.entriesBalance(names),
        this.storedBalances(accounts, names),
        this.fundBudgets(accounts, funds),
        this.transfersBalance(accounts),
        await this.hashChains(funds),
        await this.checkpoints.check(anchors, funds),
      ];
      return { ok: checks.every((c) => c.ok), entries, checks };
    });
  }

  private async entriesBalance(names: Map<string, string>): Promise<VerifyCheck> {
    const rows = await this.audit.unbalancedEntries(REPORT_LIMIT + 1);
    const problems: Problem[] = rows.slice(0, REPORT_LIMIT).map((r) => ({
      record: { table: 'journal_entries', id: r.id, chainSeq: r.chain_seq },
      text:
        `entry ${r.id} (fund ${names.get(r.fund_id) ?? r.fund_id}, seq ${r.chain_seq}): ` +
        [
          Number.parseInt(r.postings, 10) < 2 ? `${r.postings} posting(s)` : null,
          !new Dec(r.total).isZero() ? `postings sum to ${moneyString(r.total)}` : null,
          Number.parseInt(r.foreign_postings, 10) > 0 ? `${r.foreign_postings} posting(s) on another fund's accounts` : null,
        ]
          .filter(Boolean)
          .join(', '),
    }));
    const orphans = await this.audit.orphanPostings(REPORT_LIMIT);
    for (const o of orphans) {
      problems.push({ record: { table: 'journal_postings', id: o.id, chainSeq: null }, text: `posting ${o.id} belongs to no entry (${o.entry_id})` });
    }
    return check('entries_balance', 'every entry has at least two postings that sum to zero', problems, rows.length > REPORT_LIMIT);
  }

  private storedBalances(accounts: AccountSumRow[], names: Map<string, string>): VerifyCheck {
    const problems = accounts
      .filter((a) => !new Dec(a.balance).eq(a.computed))
      .map((a) => ({
        record: { table: 'ledger_accounts', id: a.id, chainSeq: null },
        text: `account ${a.code} of fund ${names.get(a.fund_id) ?? a.fund_id}: stored ${moneyString(a.balance)}, postings sum to ${moneyString(a.computed)}`,
      }));
    return check('account_balances', `${accounts.length} stored balances equal the sums of their postings`, problems);
  }

  /** budget = committed + spent + available = −(contributions + transfers), and no positive account below zero. */
  private fundBudgets(accounts: AccountSumRow[], funds: FundEntity[]): VerifyCheck {
    const problems: Problem[] = [];
    for (const fund of funds) {
      const own = accounts.filter((a) => a.fund_id === fund.id);
      const sum = (kinds: string[]) => sumDec(own.filter((a) => kinds.includes(a.kind)).map((a) => a.computed));
      const budget = sum(['committed', 'in_payment', 'spent', 'available']);
      const sources = sum(['contribution', 'transfer']).neg();
      const record = { table: 'funds', id: fund.id, chainSeq: null };
      if (!budget.eq(sources)) {
        problems.push({ record, text: `fund ${fund.name}: committed + spent + available = ${moneyString(budget)}, contributions + transfers = ${moneyString(sources)}` });
      }
      for (const kind of ['available', 'committed', 'in_payment', 'spent']) {
        const balance = sum([kind]);
        if (balance.isNegative()) problems.push({ record, text: `fund ${fund.name}: ${kind} is ${moneyString(balance)}` });
      }
    }
    return check('fund_budgets', `${funds.length} funds: budget = committed + spent + available = contributions + transfers, none overspent`, problems);
  }

  private transfersBalance(accounts: AccountSumRow[]): VerifyCheck {
    const total = sumDec(accounts.filter((a) => a.kind === 'transfer').map((a) => a.computed));
    const problems = total.isZero() ? [] : [{ record: { table: 'ledger_accounts', id: 'transfer', chainSeq: null }, text: `transfer accounts of all funds sum to ${moneyString(total)}` }];
    return check('transfers_balance', 'what funds transferred out equals what funds received', problems);
  }

  private async hashChains(funds: FundEntity[]): Promise<VerifyCheck> {
    const problems: Problem[] = [];
    let records = 0;
    for (const fund of funds) {
      const result = await this.verifyChain(fund);
      records += result.records;
      if (result.problem) problems.push(result.problem);
    }
    return check('hash_chain', `${funds.length} fund chains intact (${records} records)`, problems);
  }

  /** Walk one fund's chain in seq order; stops at the first broken record (the rest would follow from it). */
  private async verifyChain(fund: FundEntity): Promise<{ records: number; problem?: Problem }> {
    let expected = 1n;
    let prevHash = GENESIS_HASH;
    let lastSeq = '0';
    let records = 0;
    for (;;) {
      const page = await this.audit.chainPage(fund.id, lastSeq, CHAIN_PAGE);
      if (!page.length) break;
      const hashes = await this.recomputeHashes(page);
      for (const row of page) {
        const stored = hashes.get(row.id);
        const record = { table: row.table, id: row.id, chainSeq: row.chain_seq };
        const at = `fund ${fund.name}: ${KIND[row.table]} ${row.id} at seq ${row.chain_seq}`;
        if (BigInt(row.chain_seq) !== expected) return { records, problem: { record, text: `${at}: expected seq ${expected}` } };
        if (!stored || stored.prevHash !== prevHash) return { records, problem: { record, text: `${at}: prevHash does not match the previous record's hash` } };
        if (stored.recomputed !== stored.hash) return { records, problem: { record, text: `${at}: hash does not recompute (content changed)` } };
        if (stored.problem) return { records, problem: { record, text: `${at}: ${stored.problem}` } };
        prevHash = stored.hash;
        expected += 1n;
        records += 1;
      }
      lastSeq = page[page.length - 1].chain_seq;
    }
    const headSeq = (expected - 1n).toString();
    if (fund.chainSeq !== headSeq || fund.chainHead !== prevHash) {
      return {
        records,
        problem: { record: { table: 'funds', id: fund.id, chainSeq: fund.chainSeq }, text: `fund ${fund.name}: head (seq ${fund.chainSeq}) is not the last record of its chain (seq ${headSeq})` },
      };
    }
    return { records };
  }

  private async recomputeHashes(page: ChainRow[]): Promise<Map<string, Recomputed>> {
    const ids = (table: ChainRow['table']) => page.filter((r) => r.table === table).map((r) => r.id);
    const entries = await this.ledger.withPostings(await this.audit.entries(ids('journal_entries')));
    const events = await this.audit.events(ids('request_events'));
    const seals = await this.audit.seals(ids('chain_seals'));
    const out = new Map<string, Recomputed>();
    for (const e of entries) {
      out.set(e.id, { prevHash: e.prevHash, hash: e.hash, recomputed: chainHash(e.prevHash, e.chainSeq, journalEntryChainContent(e, e.postings)) });
    }
    for (const e of events) out.set(e.id, recomputeEvent(e));
    for (const s of seals) {
      out.set(s.id, { prevHash: s.prevHash, hash: s.hash, recomputed: chainHash(s.prevHash, s.chainSeq, reasonSealChainContent(s)) });
    }
    return out;
  }
}

interface Recomputed {
  prevHash: string;
  hash: string;
  recomputed: string;
  /** what is wrong besides the hash (an erased reason without its record or seal, a reason that does not match its digest) */
  problem?: string;
}

const KIND: Record<ChainRow['table'], string> = { journal_entries: 'entry', request_events: 'event', chain_seals: 'seal' };

/**
 * A workflow event's hash, recomputed by its chain format (hash-chain.ts). Format 2 chains the
 * reason's digest, so it recomputes whether or not the reason was erased; while the reason is there
 * it must match the digest. A format-1 event with an erased reason cannot be recomputed (the text is
 * gone): its seal, a later record of the same chain verified with the rest, must carry this event's
 * hash and the digest of everything else in it. Every erased reason needs a retention record.
 */
function recomputeEvent(e: AuditEventRow): Recomputed {
  const base = { prevHash: e.prevHash, hash: e.hash };
  const erased = e.reasonErasedAt !== null;
  let recomputed: string;
  let problem: string | undefined;
  if (e.chainFormat === 2) {
    recomputed = e.reasonDigest ? chainHash(e.prevHash, e.chainSeq, requestEventChainContent({ ...e, reasonDigest: e.reasonDigest })) : '';
    if (!erased && (e.reasonSalt === null || reasonDigest(e.reasonSalt, e.reason) !== e.reasonDigest)) {
      problem = 'the reason does not match its chained digest (content changed)';
    } else if (erased && (e.reason !== '' || e.reasonSalt !== null)) {
      problem = 'the reason is marked as erased but its text or salt is still there';
    }
  } else if (e.chainFormat === 1 && !erased) {
    recomputed = chainHash(e.prevHash, e.chainSeq, legacyRequestEventChainContent(e));
  } else if (e.chainFormat === 1) {
    recomputed = e.hash;
    if (!e.sealEventHash || !e.sealedDigest) problem = 'the reason was erased but no seal in the chain vouches for the event';
    else if (e.sealEventHash !== e.hash || e.sealedDigest !== sealedEventDigest(e)) problem = 'the event does not match its seal (content changed after the reason was erased)';
    else if (e.reason !== '') problem = 'the reason is marked as erased but its text is still there';
  } else {
    return { ...base, recomputed: '', problem: `unknown chain format ${e.chainFormat}` };
  }
  if (!problem && erased && !e.erasureRecorded) problem = 'the reason was erased, but no retention erasure of its case is recorded';
  return { ...base, recomputed, ...(problem ? { problem } : {}) };
}
