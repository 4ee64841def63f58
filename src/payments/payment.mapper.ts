import { moneyString, sumDec } from '../common/money';
import { BatchDto, BatchItemDto, PayeeAccountDto, StatementDto, StatementLineDto } from './payment.dto';
import { BankStatementEntity, BankStatementLineEntity, PayeeAccountEntity, PaymentBatchEntity, PaymentBatchItemEntity } from './payment.entities';
import { groupIban, maskIban } from './iban';

/** Outcomes of a statement line that the administrator must look at. */
export const NEEDS_RESOLUTION = ['returned', 'amount_mismatch', 'unknown', 'already_paid'] as const;

export function mapPayee(p: PayeeAccountEntity, full: boolean): PayeeAccountDto {
  return { requestId: p.requestId, name: p.name, iban: full ? groupIban(p.iban) : maskIban(p.iban), masked: !full, updatedAt: p.updatedAt.toISOString() };
}

export function mapItem(i: PaymentBatchItemEntity, titles: Map<string, string>): BatchItemDto {
  return {
    id: i.id,
    requestId: i.requestId,
    requestTitle: titles.get(i.requestId) ?? '',
    endToEndId: i.endToEndId,
    amount: moneyString(i.amount),
    payeeName: i.payeeName,
    payeeIban: groupIban(i.payeeIban),
    remittance: i.remittance,
    status: i.status,
    paidAt: i.paidAt?.toISOString() ?? null,
  };
}

export function mapBatch(b: PaymentBatchEntity, items: PaymentBatchItemEntity[], titles: Map<string, string>): BatchDto {
  return {
    id: b.id,
    messageId: b.messageId,
    status: b.status,
    executionDate: b.executionDate,
    debtorName: b.debtorName,
    debtorIban: groupIban(b.debtorIban),
    debtorBic: b.debtorBic,
    total: moneyString(b.total),
    count: b.count,
    paid: moneyString(sumDec(items.filter((i) => i.status === 'paid').map((i) => i.amount))),
    createdAt: b.createdAt.toISOString(),
    confirmedAt: b.confirmedAt?.toISOString() ?? null,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    items: items.map((i) => mapItem(i, titles)),
  };
}

export function mapLine(l: BankStatementLineEntity, requestOfItem: Map<string, string>): StatementLineDto {
  return {
    id: l.id,
    position: l.position,
    xmlLine: l.xmlLine,
    endToEndId: l.endToEndId,
    amount: moneyString(l.amount),
    direction: l.direction,
    returnReason: l.returnReason,
    outcome: l.outcome,
    requestId: l.itemId ? (requestOfItem.get(l.itemId) ?? null) : null,
    detail: l.detail,
    needsResolution: (NEEDS_RESOLUTION as readonly string[]).includes(l.outcome) && l.resolution === null,
    resolution: l.resolution,
    resolutionNote: l.resolutionNote,
  };
}

export function mapStatement(s: BankStatementEntity, lines: BankStatementLineEntity[], requestOfItem: Map<string, string>, alreadyImported = false): StatementDto {
  const mapped = lines.map((l) => mapLine(l, requestOfItem));
  return {
    id: s.id,
    messageId: s.messageId,
    statementId: s.statementId,
    accountIban: groupIban(s.accountIban),
    importedAt: s.importedAt.toISOString(),
    alreadyImported,
    booked: lines.filter((l) => l.outcome === 'paid').length,
    unmatched: mapped.filter((l) => (NEEDS_RESOLUTION as readonly string[]).includes(l.outcome)).length,
    lines: mapped,
  };
}
