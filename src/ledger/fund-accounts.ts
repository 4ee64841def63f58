import type { Dec } from '../common/money';
import { sumDec } from '../common/money';
import { AccountKind, LedgerAccountEntity } from './ledger.entities';
import type { FundBalances } from './ledger.types';

/** The fixed accounts every fund has; contribution accounts are opened per partner on first use. */
export const FUND_ACCOUNT_KINDS: AccountKind[] = ['available', 'committed', 'spent', 'transfer', 'in_payment'];

export const contributionCode = (organisationId: string): string => `contribution:${organisationId}`;

/**
 * The accounts of one (locked) fund, held in memory for the rest of the transaction. JournalWriter
 * keeps the in-memory balances in step with the database, so checks made after a posting see it.
 */
export class FundAccounts {
  private readonly byId = new Map<string, LedgerAccountEntity>();

  constructor(
    readonly fundId: string,
    accounts: LedgerAccountEntity[],
  ) {
    for (const a of accounts) this.byId.set(a.id, a);
  }

  get available(): LedgerAccountEntity {
    return this.byCode('available');
  }
  get committed(): LedgerAccountEntity {
    return this.byCode('committed');
  }
  get spent(): LedgerAccountEntity {
    return this.byCode('spent');
  }
  get transfer(): LedgerAccountEntity {
    return this.byCode('transfer');
  }
  get inPayment(): LedgerAccountEntity {
    return this.byCode('in_payment');
  }

  contribution(organisationId: string): LedgerAccountEntity | undefined {
    return this.find(contributionCode(organisationId));
  }

  add(account: LedgerAccountEntity): void {
    this.byId.set(account.id, account);
  }

  get(id: string): LedgerAccountEntity {
    const account = this.byId.get(id);
    if (!account) throw new Error(`account ${id} does not belong to fund ${this.fundId}`);
    return account;
  }

  find(code: string): LedgerAccountEntity | undefined {
    return [...this.byId.values()].find((a) => a.code === code);
  }

  private byCode(code: string): LedgerAccountEntity {
    const account = this.find(code);
    if (!account) throw new Error(`fund ${this.fundId} has no ${code} account`);
    return account;
  }

  balances(): FundBalances {
    return fundBalances([...this.byId.values()]);
  }

  /** The in-memory balances, to put back with `restore` when a step of a group fails (see OpenFund.mark). */
  snapshot(): Map<string, Dec> {
    return new Map([...this.byId.values()].map((a) => [a.id, a.balance]));
  }

  restore(balances: Map<string, Dec>): void {
    for (const [id, balance] of balances) this.get(id).balance = balance;
  }
}

/** Budget and position of a fund from its accounts (sign convention on LedgerAccountEntity). */
export function fundBalances(accounts: Pick<LedgerAccountEntity, 'kind' | 'organisationId' | 'balance'>[]): FundBalances {
  const total = (kind: AccountKind): Dec => sumDec(accounts.filter((a) => a.kind === kind).map((a) => a.balance));
  // money in a SEPA batch is still committed (not yet seen leaving the bank account)
  const inPayment = total('in_payment');
  const committed = total('committed').plus(inPayment);
  const spent = total('spent');
  const available = total('available');
  return {
    budget: committed.plus(spent).plus(available),
    committed,
    inPayment,
    spent,
    available,
    transferred: total('transfer').neg(),
    contributions: accounts
      .filter((a) => a.kind === 'contribution' && a.organisationId)
      .map((a) => ({ organisationId: a.organisationId as string, amount: a.balance.neg() })),
  };
}
