import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { Dec, moneyString, sumDec } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { LedgerService } from '../ledger/ledger.service';
import { RequestWorkflow } from '../requests/request-workflow';
import { parseBic, parseIban } from './iban';
import { assertSepaName, buildPain001, remittanceFor, SEPA_MAX_AMOUNT } from './pain001';
import { BatchDto, BatchPageDto, CreateBatchDto, DuePaymentDto } from './payment.dto';
import { PaymentBatchItemEntity } from './payment.entities';
import { PaymentErrors } from './payment.errors';
import { mapBatch } from './payment.mapper';
import { PaymentsRepository } from './payments.repository';
import { groupIban } from './iban';

interface Pick {
  requestId: string;
  amount: Dec | null;
  /** where the pick came from in the body, for messages: items[2] */
  field: string;
  fundId: string;
}

const yyyymmdd = (d: Date): string => d.toISOString().slice(0, 10).replace(/-/g, '');

/**
 * SEPA payment batches: approved commitments go to the bank as one pain.001.001.09 file, and move
 * from committed to in_payment in the ledger in the same transaction. An open batch can be cancelled
 * (the money goes back to committed) or confirmed as handed to the bank.
 */
@Injectable()
export class BatchesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PaymentsRepository,
    private readonly workflow: RequestWorkflow,
    private readonly ledger: LedgerService,
  ) {}

  /** Approved commitments that are not in a batch yet, with their payee (administrators only). */
  async due(): Promise<DuePaymentDto[]> {
    const rows = await this.repo.due();
    return rows.map((r) => ({
      requestId: r.requestId, title: r.title, fundName: r.fundName, due: moneyString(r.committed), payeeName: r.payeeName, payeeIban: r.payeeIban ? groupIban(r.payeeIban) : null,
    }));
  }

  /** The debtor of the last batch, to fill in the next one. */
  async lastDebtor(): Promise<{ debtorName: string; debtorIban: string; debtorBic: string } | null> {
    const b = await this.repo.lastBatch();
    return b ? { debtorName: b.debtorName, debtorIban: groupIban(b.debtorIban), debtorBic: b.debtorBic ?? '' } : null;
  }

  async create(user: AuthUser, dto: CreateBatchDto): Promise<string> {
    const debtorIban = parseIban(dto.debtorIban, 'debtorIban');
    const debtorBic = parseBic(dto.debtorBic, 'debtorBic');
    assertSepaName(dto.debtorName, 'debtorName');
    if (dto.all && dto.items) throw DomainError.invalidField('all', 'give either items or all: true, not both', 'BATCH.ITEMS_OR_ALL');
    if (!dto.all && !dto.items?.length) throw DomainError.invalidField('items', 'is required: the requests to pay (or set all: true for every due one)', 'BATCH.ITEMS_OR_ALL');
    const seen = new Map<string, number>();
    (dto.items ?? []).forEach((item, i) => {
      const first = seen.get(item.requestId);
      if (first !== undefined) {
        throw DomainError.invalidField(`items[${i}].requestId`, `request ${item.requestId} occurs twice (also items[${first}]): a batch holds one credit transfer per request, each with its own end-to-end id`, 'DUPLICATE_END_TO_END_ID', 'body', { requestId: item.requestId });
      }
      seen.set(item.requestId, i);
    });
    return this.tx.run(async () => {
      const due = await this.repo.due();
      const fundOf = new Map(due.map((d) => [d.requestId, d.fundId]));
      let picks: Pick[];
      if (dto.all) {
        // as the description of `all` says: with a payee IBAN, and small enough for one SEPA transfer
        picks = due.filter((d) => d.payeeIban && d.committed.lte(SEPA_MAX_AMOUNT)).map((d, i) => ({ requestId: d.requestId, amount: null, field: `due[${i}]`, fundId: d.fundId }));
        if (!picks.length) throw PaymentErrors.nothingDue();
      } else {
        const fundsOfOthers = await this.repo.requestFunds((dto.items ?? []).map((i) => i.requestId).filter((id) => !fundOf.has(id)));
        picks = (dto.items ?? []).map((item, i) => ({
          requestId: item.requestId,
          amount: item.amount === undefined ? null : new Dec(item.amount),
          field: `items[${i}]`,
          fundId: fundOf.get(item.requestId) ?? fundsOfOthers.get(item.requestId) ?? '',
        }));
        const unknown = picks.find((p) => !p.fundId);
        if (unknown) throw DomainError.invalidField(`${unknown.field}.requestId`, `request ${unknown.requestId} does not exist`, 'UNKNOWN_REQUEST', 'body', { requestId: unknown.requestId });
      }
      // funds in id order, each fund's requests after it: the lock order of every workflow step
      const ordered = [...picks].sort((a, b) => a.fundId.localeCompare(b.fundId) || a.requestId.localeCompare(b.requestId));
      const payees = await this.repo.payeesOf(picks.map((p) => p.requestId));
      const batchId = randomUUID();
      const now = this.workflow.now();
      const messageId = `DBB-${yyyymmdd(now)}-${batchId.slice(0, 8).toUpperCase()}`;
      const byRequest = new Map<string, PaymentBatchItemEntity>();
      for (const pick of ordered) {
        await this.workflow.step(user, pick.requestId, 'read', 'pay', async ({ fund, request }) => {
          if (request.status !== 'approved') throw PaymentErrors.notPayable(`${pick.field}.requestId`, request.id, `is ${request.status}; only approved requests can be paid`, { reason: 'status', status: request.status });
          if (request.committedAmount.lte(0)) throw PaymentErrors.notPayable(`${pick.field}.requestId`, request.id, 'has nothing committed to pay', { reason: 'nothing-committed' });
          const inBatch = await this.repo.findOrderedItem(request.id);
          if (inBatch) throw PaymentErrors.alreadyInBatch(`${pick.field}.requestId`, request.id, (await this.repo.findBatch(inBatch.batchId))?.messageId ?? inBatch.batchId);
          const payee = payees.get(request.id);
          if (!payee) throw PaymentErrors.noPayeeAccount(`${pick.field}.requestId`, request.id);
          const amount = pick.amount ?? request.committedAmount;
          if (amount.gt(request.committedAmount)) {
            throw PaymentErrors.notPayable(`${pick.field}.amount`, request.id, `has ${moneyString(request.committedAmount)} committed; cannot pay ${moneyString(amount)}`, {
              reason: 'above-committed', committed: moneyString(request.committedAmount), amount: moneyString(amount),
            });
          }
          if (amount.gt(SEPA_MAX_AMOUNT)) throw PaymentErrors.aboveSepaMaximum(`${pick.field}.amount`, request.id, moneyString(amount));
          const id = randomUUID();
          const endToEndId = id.replace(/-/g, '').toUpperCase();
          await fund.orderPayment({ requestId: request.id, amount, actorId: user.id, memo: `betaalbatch ${messageId}, end-to-end ${endToEndId}` });
          byRequest.set(request.id, {
            id, batchId, position: 0, requestId: request.id, fundId: request.fundId, endToEndId, amount,
            payeeName: payee.name, payeeIban: payee.iban, remittance: remittanceFor(request.id), status: 'ordered', paidAt: null,
          });
        });
      }
      // the file lists the transfers in the order they were asked for
      const items = picks.map((p, i) => ({ ...(byRequest.get(p.requestId) as PaymentBatchItemEntity), position: i + 1 }));
      const xml = buildPain001({
        messageId, createdAt: now, executionDate: dto.executionDate, initiatingParty: dto.debtorName, debtorName: dto.debtorName, debtorIban, debtorBic,
        transfers: items.map((i) => ({ endToEndId: i.endToEndId, amount: i.amount, payeeName: i.payeeName, payeeIban: i.payeeIban, remittance: i.remittance })),
      });
      await this.repo.insertBatch({
        id: batchId, messageId, status: 'open', debtorName: dto.debtorName, debtorIban, debtorBic, executionDate: dto.executionDate,
        total: sumDec(items.map((i) => i.amount)), count: items.length, xml, createdBy: user.id, createdAt: now, confirmedAt: null, cancelledAt: null,
      });
      await this.repo.insertItems(items);
      return batchId;
    });
  }

  /** Cancel an open batch before the bank has it: every transfer's money goes back to committed. */
  cancel(user: AuthUser, id: string): Promise<void> {
    return this.tx.run(async () => {
      const batch = await this.repo.lockBatch(id);
      if (!batch) throw DomainError.notFound('payment batch', id);
      if (batch.status !== 'open') throw PaymentErrors.batchNotOpen(batch.messageId, batch.status);
      const items = await this.repo.lockItemsOfBatch(id);
      if (items.some((i) => i.status !== 'ordered')) throw PaymentErrors.batchHasPayments(batch.messageId);
      for (const item of [...items].sort((a, b) => a.fundId.localeCompare(b.fundId))) {
        await this.ledger.cancelPaymentOrder({ fundId: item.fundId, requestId: item.requestId, amount: item.amount, actorId: user.id, memo: `betaalbatch ${batch.messageId} geannuleerd, end-to-end ${item.endToEndId}` });
        item.status = 'cancelled';
        await this.repo.saveItem(item);
      }
      batch.status = 'cancelled';
      batch.cancelledAt = this.workflow.now();
      await this.repo.saveBatch(batch);
    });
  }

  /** The administrator has handed the file to the bank: it can no longer be cancelled here. */
  confirm(id: string): Promise<void> {
    return this.tx.run(async () => {
      const batch = await this.repo.lockBatch(id);
      if (!batch) throw DomainError.notFound('payment batch', id);
      if (batch.status !== 'open') throw PaymentErrors.batchNotOpen(batch.messageId, batch.status);
      batch.status = 'confirmed';
      batch.confirmedAt = this.workflow.now();
      await this.repo.saveBatch(batch);
    });
  }

  async get(id: string): Promise<BatchDto> {
    const batch = await this.repo.findBatch(id);
    if (!batch) throw DomainError.notFound('payment batch', id);
    const items = await this.repo.itemsOf([id]);
    return mapBatch(batch, items, await this.repo.requestTitles(items.map((i) => i.requestId)));
  }

  async xml(id: string): Promise<{ messageId: string; xml: string }> {
    const batch = await this.repo.findBatch(id);
    if (!batch) throw DomainError.notFound('payment batch', id);
    return { messageId: batch.messageId, xml: batch.xml };
  }

  async list(limit = 20, offset = 0): Promise<BatchPageDto> {
    const rows = await this.repo.batchesPage(limit, offset);
    const page = rows.slice(0, limit);
    const items = await this.repo.itemsOf(page.map((b) => b.id));
    const titles = await this.repo.requestTitles(items.map((i) => i.requestId));
    return {
      items: page.map((b) => mapBatch(b, items.filter((i) => i.batchId === b.id), titles)),
      next: rows.length > limit ? String(offset + limit) : null,
    };
  }
}
