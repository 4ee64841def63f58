import { CaseEntity, CaseMemberEntity } from '../cases/case.entity';
import { BarrierTagEntity } from '../cost-comparison/barrier-tag.entity';
import { CostItemEntity } from '../cost-comparison/cost-item.entity';
import { FundEntity, FundHolderEntity } from '../funds/fund.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { ChainSealEntity, ContributionEntity, JournalEntryEntity, JournalPostingEntity, LedgerAccountEntity, PaymentEntity } from '../ledger/ledger.entities';
import { MailDeliveryEntity, NotificationEntity, NotificationOutboxEntity } from '../notifications/notification.entities';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PAYMENT_ENTITIES } from '../payments/payment.entities';
import {
  RequestApprovalEntity, RequestCostLineEntity, RequestEntity, RequestEventEntity, RequestOutcomeEntity,
} from '../requests/request.entities';
import { UserEntity } from '../users/user.entity';
import { UserIdentityEntity } from '../users/user-identity.entity';
import { SessionEntity } from './session.entity';
import { AccessLogEntity } from '../access-log/access-log.entity';
import { RetentionErasureEntity } from '../retention/retention-erasure.entity';

/** Every entity of the schema, listed once for the app, the CLI and the drift check. */
export const ENTITIES = [
  OrganisationEntity, UserEntity, FundEntity, FundHolderEntity, LedgerAccountEntity, JournalEntryEntity,
  JournalPostingEntity, ContributionEntity, PaymentEntity, CaseEntity, CaseMemberEntity, CostItemEntity,
  RequestEntity, RequestCostLineEntity, RequestApprovalEntity, RequestEventEntity, RequestOutcomeEntity,
  BarrierTagEntity, IdempotencyKeyEntity, SessionEntity, NotificationOutboxEntity, NotificationEntity, MailDeliveryEntity,
  ...PAYMENT_ENTITIES, UserIdentityEntity,
  AccessLogEntity, RetentionErasureEntity, ChainSealEntity,
];
