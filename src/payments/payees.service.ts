import { Injectable } from '@nestjs/common';
import { AuthUser, hasRole } from '../auth/auth.decorators';
import { AccessService } from '../access/access.service';
import { DomainError } from '../common/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { RequestWorkflow } from '../requests/request-workflow';
import { parseIban } from './iban';
import { PayeeAccountDto, PayeeAccountInputDto } from './payment.dto';
import { PaymentErrors } from './payment.errors';
import { assertSepaName } from './pain001';
import { mapPayee } from './payment.mapper';
import { PaymentsRepository } from './payments.repository';

const EDITABLE = ['draft', 'submitted', 'info_requested', 'approved'];

/** The payee register: name and IBAN per request, set by its requester or an administrator. */
@Injectable()
export class PayeesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PaymentsRepository,
    private readonly access: AccessService,
    private readonly workflow: RequestWorkflow,
  ) {}

  /** Only administrators see the IBAN in full; everyone else who may see the request sees it masked. */
  async get(user: AuthUser, requestId: string): Promise<PayeeAccountDto> {
    await this.access.requireRequest(user, requestId, 'read');
    const payee = await this.repo.findPayee(requestId);
    if (!payee) throw new DomainError('not_found', 'NOT_FOUND', `request ${requestId} has no payee account yet`);
    return mapPayee(payee, hasRole(user, 'admin'));
  }

  /** Returns null when the request has no payee account (for pages). */
  async find(user: AuthUser, requestId: string): Promise<PayeeAccountDto | null> {
    return this.get(user, requestId).catch((e: unknown) => {
      if (e instanceof DomainError && e.kind === 'not_found' && e.message.includes('no payee account')) return null;
      throw e;
    });
  }

  /**
   * Set (or correct) where the money goes. The IBAN must pass the mod-97 check (400 naming `iban`).
   * Not any more once the request is paid, cancelled, or in a payment batch at the bank.
   */
  async set(user: AuthUser, requestId: string, dto: PayeeAccountInputDto): Promise<PayeeAccountDto> {
    const iban = parseIban(dto.iban, 'iban');
    const name = (dto.name ?? '').trim();
    if (!name) throw DomainError.invalidField('name', 'is required: the account holder as the bank knows them');
    assertSepaName(name, 'name');
    const { result } = await this.workflow.step(user, requestId, 'read', 'set the payee of', async ({ request }) => {
      if (!hasRole(user, 'admin') && request.requesterId !== user.id) throw DomainError.forbidden('only the requester or an administrator can set the payee account');
      if (!EDITABLE.includes(request.status)) throw PaymentErrors.payeeLocked(requestId, request.status);
      const ordered = await this.repo.findOrderedItem(requestId);
      if (ordered) throw PaymentErrors.payeeLocked(requestId, 'in a payment batch');
      const row = { requestId, name, iban, updatedBy: user.id, updatedAt: this.workflow.now() };
      await this.repo.savePayee(row);
      return mapPayee(row, hasRole(user, 'admin'));
    });
    return result;
  }
}
