import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuthUser } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { formatEuro } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { nextStatus } from '../requests/request-state';
import { RequestWorkflow } from '../requests/request-workflow';
import { isReturn, parseCamt053, ParsedStatement, StatementLine } from './camt053';
import { ResolveLineDto, StatementDto, StatementImportDto, StatementLineDto, StatementPageDto } from './payment.dto';
import { BankStatementEntity, BankStatementLineEntity, LineOutcome, PaymentBatchEntity, PaymentBatchItemEntity } from './payment.entities';
import { PaymentErrors } from './payment.errors';
import { mapLine, mapStatement, NEEDS_RESOLUTION } from './payment.mapper';
import { PaymentsRepository } from './payments.repository';

type NewLine = Omit<BankStatementLineEntity, 'id'>;

const sha256Of = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Reconciliation from the bank statement (camt.053): debits are matched to batch transfers by
 * end-to-end id and amount and booked as paid (in_payment → spent); returns, different amounts and
 * unknown payments are kept for the administrator. A statement is imported once: the same statement
 * again (same account and statement id) changes nothing and answers what the first import did.
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PaymentsRepository,
    private readonly workflow: RequestWorkflow,
  ) {}

  async import(user: AuthUser, xml: string): Promise<StatementImportDto> {
    const parsed = parseCamt053(xml); // 400 naming the line before anything is touched
    // the same statement uploaded as a file (LF) and pasted in a browser form (CRLF) is the same
    // content: XML reads both line ends alike. Imports before this rule hashed the text as sent.
    const text = typeof xml === 'string' ? xml : '';
    const sha256 = sha256Of(text.replace(/\r\n?/g, '\n'));
    const asSent = sha256Of(text);
    return this.tx.run(async () => {
      const out: StatementDto[] = [];
      for (const stmt of parsed.statements) out.push(await this.importOne(user, parsed.messageId, stmt, sha256, asSent));
      return { statements: out };
    });
  }

  private async importOne(user: AuthUser, messageId: string, stmt: ParsedStatement, sha256: string, asSent: string): Promise<StatementDto> {
    await this.repo.lockStatementKey(stmt.accountIban, stmt.statementId);
    const before = await this.repo.findStatement(stmt.accountIban, stmt.statementId);
    if (before) {
      if (before.sha256 !== sha256 && before.sha256 !== asSent) {
        throw new DomainError('conflict', 'PAYMENT.STATEMENT_CHANGED', `statement ${stmt.statementId} of ${stmt.accountIban} was imported on ${before.importedAt.toISOString()} with different content; nothing was changed`, [], {
          statement: stmt.statementId, iban: stmt.accountIban, importedAt: before.importedAt.toISOString(),
        });
      }
      return this.view(before, true);
    }
    const statement = await this.repo.insertStatement({ messageId, statementId: stmt.statementId, accountIban: stmt.accountIban, sha256, entries: stmt.lines.length, importedBy: user.id });
    // lock order of every payment step: batch → transfers → fund → request
    const endToEndIds = [...new Set(stmt.lines.flatMap((l) => (l.endToEndId ? [l.endToEndId] : [])))];
    const batchIds = [...new Set((await this.repo.itemsByEndToEnd(endToEndIds)).map((i) => i.batchId))].sort();
    const batches = new Map<string, PaymentBatchEntity>();
    for (const id of batchIds) {
      const b = await this.repo.lockBatch(id);
      if (b) batches.set(id, b);
    }
    const items = new Map((await this.repo.lockItemsByEndToEnd(endToEndIds)).map((i) => [i.endToEndId, i]));
    const lines: NewLine[] = [];
    for (const line of stmt.lines) {
      const { outcome, detail, item } = await this.reconcile(user, statement, line, line.endToEndId ? items.get(line.endToEndId) : undefined, batches);
      lines.push({
        statementId: statement.id, position: line.position, xmlLine: line.xmlLine, endToEndId: line.endToEndId, amount: line.amount, direction: line.direction,
        returnReason: line.returnReason, outcome, itemId: item?.id ?? null, detail, resolution: null, resolvedBy: null, resolvedAt: null, resolutionNote: '',
      });
    }
    await this.repo.insertLines(lines);
    return this.view(statement, false);
  }

  private async reconcile(
    user: AuthUser, statement: BankStatementEntity, line: StatementLine, item: PaymentBatchItemEntity | undefined, batches: Map<string, PaymentBatchEntity>,
  ): Promise<{ outcome: LineOutcome; detail: string; item?: PaymentBatchItemEntity }> {
    if (!line.booked) return { outcome: 'ignored', detail: 'niet geboekt (status anders dan BOOK)' };
    if (isReturn(line)) {
      if (!item) return { outcome: 'unknown', detail: `terugboeking voor onbekende end-to-end id ${line.endToEndId ?? '(geen)'}` };
      return { outcome: 'returned', item, detail: `betaling teruggekomen (reden ${line.returnReason ?? 'storno'}); kies: opnieuw openzetten of vrijgeven` };
    }
    if (line.direction === 'CRDT') return { outcome: 'ignored', detail: 'ontvangen bedrag, geen betaling uit een batch' };
    if (!item) return { outcome: 'unknown', detail: line.endToEndId ? `geen betaling met end-to-end id ${line.endToEndId} in een batch` : 'afschrijving zonder end-to-end id' };
    if (item.status === 'paid') return { outcome: 'already_paid', item, detail: 'deze betaling staat al als betaald geboekt (van een eerder afschrift): mogelijk dubbel uitgevoerd' };
    if (item.status !== 'ordered') return { outcome: 'unknown', item, detail: `afschrijving voor een overboeking die ${item.status === 'cancelled' ? 'geannuleerd is' : 'al teruggekomen is'}` };
    if (!line.amount.eq(item.amount)) {
      return { outcome: 'amount_mismatch', item, detail: `bank boekte ${formatEuro(line.amount)}, de batch vroeg ${formatEuro(item.amount)}; niet geboekt` };
    }
    await this.settle(user, statement, item, batches.get(item.batchId) ?? null);
    return { outcome: 'paid', item, detail: `betaald geboekt: ${formatEuro(item.amount)}` };
  }

  /** Book one transfer as paid: ledger in_payment → spent, the request's paid amount, and its status. */
  private async settle(user: AuthUser, statement: BankStatementEntity, item: PaymentBatchItemEntity, batch: PaymentBatchEntity | null): Promise<void> {
    await this.workflow.stepOn(item.fundId, item.requestId, async ({ fund, request }) => {
    const now = this.workflow.now();
    await fund.settlePaymentOrder({
      requestId: item.requestId, amount: item.amount, actorId: user.id, reference: item.endToEndId, paidAt: now,
      memo: `betaald volgens afschrift ${statement.statementId}, batch ${batch?.messageId ?? item.batchId}`,
    });
    item.status = 'paid';
    item.paidAt = now;
    await this.repo.saveItem(item);
    if (batch && batch.status === 'open') {
      // the bank executed it, so the file was handed over
      batch.status = 'confirmed';
      batch.confirmedAt = now;
      await this.repo.saveBatch(batch);
    }
    const from = request.status;
    request.paidAmount = request.paidAmount.plus(item.amount);
    request.committedAmount = request.committedAmount.minus(item.amount);
    const to = request.committedAmount.isZero() ? nextStatus(from, 'pay') : from;
    Object.assign(request, { status: to, updatedAt: now });
    const rest = request.committedAmount.isZero() ? '' : `; nog gereserveerd ${formatEuro(request.committedAmount)}`;
    await this.workflow.record(fund, request, user, 'admin', from, to, `betaald ${formatEuro(item.amount)} via bank (afschrift ${statement.statementId}, end-to-end ${item.endToEndId})${rest}`, now);
    await this.workflow.save(request);
    });
  }

  /**
   * The administrator resolves a line. A returned payment is either re-opened (committed again, so
   * a new batch can pay it, e.g. to a corrected IBAN) or released to the fund; other lines are
   * dismissed with a note once handled outside (e.g. with the bank).
   */
  resolve(user: AuthUser, lineId: string, dto: ResolveLineDto): Promise<StatementLineDto> {
    return this.tx.run(async () => {
      const line = await this.repo.lockLine(lineId);
      if (!line) throw DomainError.notFound('statement line', lineId);
      if (!(NEEDS_RESOLUTION as readonly string[]).includes(line.outcome) || line.resolution !== null) {
        throw PaymentErrors.lineNotOpen(`statement line ${lineId} is ${line.resolution ? `already resolved (${line.resolution})` : `${line.outcome}; nothing to resolve`}`);
      }
      const note = (dto.note ?? '').trim();
      if (line.outcome === 'returned') {
        if (dto.action === 'dismissed') throw DomainError.invalidField('action', 'a returned payment must be reopened or released: the money is back on the account', 'PAYMENT.RESOLVE_ACTION', 'body', { outcome: line.outcome });
        await this.bookReturn(user, line, dto.action, note);
      } else if (dto.action !== 'dismissed') {
        throw DomainError.invalidField('action', `only a returned payment can be reopened or released; this line is ${line.outcome}: dismiss it once handled`, 'PAYMENT.RESOLVE_ACTION', 'body', { outcome: line.outcome });
      }
      Object.assign(line, { resolution: dto.action, resolvedBy: user.id, resolvedAt: this.workflow.now(), resolutionNote: note });
      await this.repo.saveLine(line);
      const item = line.itemId ? await this.repo.findItem(line.itemId) : null;
      return mapLine(line, new Map(item ? [[item.id, item.requestId]] : []));
    });
  }

  private async bookReturn(user: AuthUser, line: BankStatementLineEntity, action: 'reopen' | 'release', note: string): Promise<void> {
    const found = line.itemId ? await this.repo.findItem(line.itemId) : null;
    if (!found) throw PaymentErrors.lineNotOpen(`statement line ${line.id} has no transfer to return`);
    const item = await this.repo.lockItem(found.id);
    if (!item) throw DomainError.notFound('request', found.requestId);
    await this.workflow.stepOn(found.fundId, found.requestId, async ({ fund, request }) => {
    if (item.status !== 'paid' && item.status !== 'ordered') throw PaymentErrors.lineNotOpen(`transfer ${item.endToEndId} is ${item.status}; its return was booked already`);
    const memo = `betaling ${item.endToEndId} teruggekomen (${line.returnReason ?? 'storno'})`;
    const base = { requestId: item.requestId, amount: item.amount, actorId: user.id, memo };
    const from = request.status;
    if (item.status === 'paid') {
      await fund.returnSettledPayment(base);
      request.paidAmount = request.paidAmount.minus(item.amount);
      request.committedAmount = request.committedAmount.plus(item.amount);
    } else {
      await fund.cancelPaymentOrder(base);
    }
    let to = nextStatus(from, 'payment_returned');
    let reason = `${memo}; reservering opnieuw open`;
    if (action === 'release') {
      await fund.release({ ...base, memo: `${memo}: vrijgegeven` });
      request.committedAmount = request.committedAmount.minus(item.amount);
      if (request.committedAmount.isZero()) to = nextStatus('approved', request.paidAmount.isZero() ? 'cancel' : 'pay');
      reason = `${memo}; ${formatEuro(item.amount)} vrijgegeven aan het fonds`;
    }
    if (note) reason += ` (${note})`;
    item.status = action === 'release' ? 'returned_released' : 'returned_reopened';
    await this.repo.saveItem(item);
    const now = this.workflow.now();
    Object.assign(request, { status: to, updatedAt: now });
    await this.workflow.record(fund, request, user, 'admin', from, to, reason, now);
    await this.workflow.save(request);
    });
  }

  async get(id: string): Promise<StatementDto> {
    const s = await this.repo.findStatementById(id);
    if (!s) throw DomainError.notFound('bank statement', id);
    return this.view(s, false);
  }

  async list(limit = 20, offset = 0): Promise<StatementPageDto> {
    const rows = await this.repo.statementsPage(limit, offset);
    const page = rows.slice(0, limit);
    return { items: await Promise.all(page.map((s) => this.view(s, false))), next: rows.length > limit ? String(offset + limit) : null };
  }

  /** Every line still waiting for the administrator, over all statements. */
  async openLines(): Promise<StatementLineDto[]> {
    const lines = await this.repo.openLines();
    const items = await this.repo.itemsByIds(lines.flatMap((l) => (l.itemId ? [l.itemId] : [])));
    return lines.map((l) => mapLine(l, new Map(items.map((i) => [i.id, i.requestId]))));
  }

  private async view(s: BankStatementEntity, alreadyImported: boolean): Promise<StatementDto> {
    const lines = await this.repo.linesOf([s.id]);
    const items = await this.repo.itemsByIds(lines.flatMap((l) => (l.itemId ? [l.itemId] : [])));
    return mapStatement(s, lines, new Map(items.map((i) => [i.id, i.requestId])), alreadyImported);
  }
}
