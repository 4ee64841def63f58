import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../cases/case.dto';
import { LIFE_DOMAINS, LifeDomain } from '../cases/life-domains';
import { ValidateDecimalInput } from '../common/decimal-input';
import { ValidateMoney, ValidateShare, ValidateText } from '../common/validation';
import { ComparisonDto } from '../cost-comparison/comparison.dto';
import { REQUEST_STATUSES, RequestStatus } from './request.entities';

/** Present → validated; absent → left alone. Unlike IsOptional, `null` is refused. */
const Optional = () => ValidateIf((_o, v) => v !== undefined);
// trimmed text that must not end up empty: documented as minLength 1 with a non-space character
const NotEmpty = (field: string) =>
  applyDecorators(MinLength(1, { message: `${field} must not be empty` }), ApiProperty({ minLength: 1, pattern: '\\S' }));
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const PROVISION_REASONS = ['too_slow', 'not_eligible', 'none_exists', 'other'] as const;
export const OUTCOME_MONTHS = [3, 6, 12] as const;
export const GOAL_REACHED = ['yes', 'partly', 'no'] as const;
export const HAPPENED = ['no', 'partly', 'yes'] as const;
/** What `expand` may add to the summary items of a request list. */
export const REQUEST_EXPANSIONS = ['comparison', 'history', 'approvals'] as const;
export type RequestExpansion = (typeof REQUEST_EXPANSIONS)[number];

/** `?expand=comparison,history` (or the key repeated) → ['comparison', 'history']; anything else is left for the validators. */
const toList = ({ value }: { value: unknown }) => {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  return parts ? parts.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '') : value;
};

export class ExistingProvisionDto {
  @ValidateText(200, { example: 'Wmo-vervoer' }) @NotEmpty('provision') provision!: string;
  @ApiProperty({ enum: PROVISION_REASONS }) @IsIn(PROVISION_REASONS, { message: `reason must be one of: ${PROVISION_REASONS.join(', ')}` })
  reason!: (typeof PROVISION_REASONS)[number];
  @IsOptional() @ValidateText(1000, { required: false }) note?: string;
}

export class RouteLineDto {
  @ApiProperty({ example: 'detention_day' }) @IsString() @MaxLength(100) costItemKey!: string;
  @ValidateDecimalInput('quantity', { pattern: '^\\d{1,6}(\\.\\d{1,2})?$', example: '365', description: 'above 0, at most 100000, at most 2 decimals' })
  quantity!: string;
  @ValidateDecimalInput('probability', { pattern: '^[01](\\.\\d{1,4})?$', example: '0.5', description: '0..1, at most 4 decimals' })
  probability!: string;
  @IsOptional() @ValidateText(500, { required: false }) note?: string | null;
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 50, default: 1, description: 'years the cost recurs; quantity is per year. Counted up to the fund\'s horizon, discounted' })
  @IsOptional()
  @IsInt({ message: 'years must be a whole number of years' })
  @Min(1, { message: 'years must be at least 1' })
  @Max(50, { message: 'years must be at most 50' })
  years?: number;
  @ValidateShare({ optional: true, nullable: true, example: '0.1', description: "share that would have been avoided anyway, without the request (deadweight); absent or null: the fund's default" })
  deadweight?: string | null;
  @ValidateShare({ optional: true, nullable: true, example: '0.8', description: "share of the effect attributable to this request; absent or null: the fund's default" })
  attribution?: string | null;
}

export class CreateRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'caseId must be a UUID' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'fundId must be a UUID' }) fundId!: string;
  @ValidateText(200, { example: 'Jaarabonnement trein' }) @NotEmpty('title') title!: string;
  @ValidateText(5000) @NotEmpty('justification') justification!: string;
  @ValidateMoney() amount!: string;
  @ValidateText(200, { example: 'NS Reizigers' }) @NotEmpty('payee') payee!: string;
  @ApiProperty({ enum: LIFE_DOMAINS }) @IsIn(LIFE_DOMAINS, { message: `lifeDomain must be one of: ${LIFE_DOMAINS.join(', ')}` })
  lifeDomain!: LifeDomain;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean({ message: 'urgent must be true or false' }) urgent?: boolean;
  @ApiPropertyOptional({ type: String, isArray: true, description: 'keys of GET /api/v1/barriers' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @MaxLength(100, { each: true })
  barriers?: string[];
  @ApiPropertyOptional({ type: ExistingProvisionDto, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ExistingProvisionDto)
  existingProvisions?: ExistingProvisionDto[];
  @IsOptional() @ValidateText(2000, { required: false }) residentWish?: string;
  @ApiProperty({ type: RouteLineDto, isArray: true })
  @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => RouteLineDto)
  conventionalRoute!: RouteLineDto[];
}

/** PATCH: any of the fields of a draft (or of a request that was sent back with a question). */
export class UpdateRequestDto {
  @Optional() @ValidateText(200, { required: false }) @NotEmpty('title') title?: string;
  @Optional() @ValidateText(5000, { required: false }) @NotEmpty('justification') justification?: string;
  @Optional() @ValidateMoney({ optional: true }) amount?: string;
  @Optional() @ValidateText(200, { required: false }) @NotEmpty('payee') payee?: string;
  @ApiPropertyOptional({ enum: LIFE_DOMAINS }) @Optional() @IsIn(LIFE_DOMAINS, { message: `lifeDomain must be one of: ${LIFE_DOMAINS.join(', ')}` })
  lifeDomain?: LifeDomain;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'urgent must be true or false' }) urgent?: boolean;
  @ApiPropertyOptional({ type: String, isArray: true })
  @Optional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @MaxLength(100, { each: true })
  barriers?: string[];
  @ApiPropertyOptional({ type: ExistingProvisionDto, isArray: true })
  @Optional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ExistingProvisionDto)
  existingProvisions?: ExistingProvisionDto[];
  @Optional() @ValidateText(2000, { required: false }) residentWish?: string;
  @ApiPropertyOptional({ type: RouteLineDto, isArray: true })
  @Optional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => RouteLineDto)
  conventionalRoute?: RouteLineDto[];
}

/** Spend first, justify after: an expense already made within the requester's mandate. */
export class RetroactiveRequestDto extends CreateRequestDto {
  @ValidateText(200, { description: 'payment reference (receipt, invoice or transaction number)' }) @NotEmpty('reference')
  reference!: string;
}

export class ApproveDto {
  @IsOptional() @ValidateText(2000, { required: false }) comment?: string;
}

export class RejectDto {
  @ValidateText(2000, { description: 'why the request is rejected (required)' }) @NotEmpty('reason') reason!: string;
}

export class RequestInfoDto {
  @ValidateText(2000, { description: 'what the requester should add or change (required)' }) @NotEmpty('question') question!: string;
}

export class ReasonDto {
  @IsOptional() @ValidateText(2000, { required: false }) reason?: string;
}

export class PayDto {
  @ValidateMoney({ optional: true, description: 'default: everything still committed' }) @IsOptional() amount?: string;
  @ValidateText(200, { description: 'payment reference' }) @NotEmpty('reference') reference!: string;
  @ApiPropertyOptional({ description: 'release what stays committed after this payment' })
  @IsOptional() @IsBoolean({ message: 'releaseRemainder must be true or false' }) releaseRemainder?: boolean;
}

export class OutcomeLineDto {
  @ApiProperty() @IsString() @MaxLength(100) costItemKey!: string;
  @ApiProperty({ enum: HAPPENED }) @IsIn(HAPPENED, { message: `happened must be one of: ${HAPPENED.join(', ')}` }) happened!: (typeof HAPPENED)[number];
  @ApiPropertyOptional({ description: "share 0..1 that did happen; only with 'partly'", example: '0.25' })
  @IsOptional() @IsString() @Matches(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, { message: 'fraction must be a decimal string from 0 to 1 (e.g. "0.25")' })
  fraction?: string;
}

export class OutcomeDto {
  @ApiProperty({ enum: OUTCOME_MONTHS }) @IsIn(OUTCOME_MONTHS, { message: 'months must be 3, 6 or 12' }) months!: 3 | 6 | 12;
  @ApiProperty({ enum: GOAL_REACHED }) @IsIn(GOAL_REACHED, { message: 'goalReached must be one of: yes, partly, no' }) goalReached!: 'yes' | 'partly' | 'no';
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'solvedWithoutMoney must be true or false' }) solvedWithoutMoney?: boolean;
  @ApiProperty({ type: OutcomeLineDto, isArray: true })
  @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => OutcomeLineDto)
  lines!: OutcomeLineDto[];
  @IsOptional() @ValidateText(5000, { required: false }) note?: string;
}

export class ListRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) @IsOptional() @IsIn(REQUEST_STATUSES, { message: `status must be one of: ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'fundId must be a UUID' }) fundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'caseId must be a UUID' }) caseId?: string;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBool) @IsBoolean({ message: 'urgent must be true or false' }) urgent?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: 'only requests past their decision deadline and still undecided' })
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'overdue must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional({ enum: ['newest', 'due'], description: 'newest first (default) or earliest decision deadline first (the approver queue)' })
  @IsOptional() @IsIn(['newest', 'due'], { message: 'order must be newest or due' }) order?: 'newest' | 'due';
  @ApiPropertyOptional({
    type: String,
    example: 'comparison,history',
    description: `comma-separated, any of: ${REQUEST_EXPANSIONS.join(', ')}. Items are summaries; \`comparison\` gives each item the full comparison (lines, byBearer) instead of its totals, \`history\` adds its history`,
  })
  @IsOptional() @Transform(toList)
  @IsArray({ message: `expand must be a comma-separated list of: ${REQUEST_EXPANSIONS.join(', ')}` })
  @IsIn(REQUEST_EXPANSIONS, { each: true, message: `expand must be a comma-separated list of: ${REQUEST_EXPANSIONS.join(', ')}` })
  expand?: RequestExpansion[];
}

// ---- responses -------------------------------------------------------------------------------

export class RequesterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organisationName!: string;
}

export class ApprovalDto {
  @ApiProperty({ format: 'uuid' }) approverId!: string;
  @ApiProperty() approverName!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: ['budget_holder', 'steering_group'] }) role!: string;
  @ApiProperty() comment!: string;
  @ApiProperty() at!: string;
}

export class DuplicateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '3000.00' }) amount!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
}

export class HistoryEventDto {
  @ApiProperty() at!: string;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String, description: 'stable code of a reason the system wrote (null for text a person typed)' }) reasonCode!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'parameters of reasonCode; money as decimal strings' }) reasonParams!: Record<string, string> | null;
  @ApiProperty({
    nullable: true, type: String, format: 'date-time',
    description: 'when retention erased the reason text (then `reason` is empty; reasonCode and its parameters stay, without a typed comment)',
  })
  reasonErasedAt!: string | null;
}

export class OutcomeResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: OUTCOME_MONTHS }) months!: number;
  @ApiProperty({ enum: GOAL_REACHED }) goalReached!: string;
  @ApiProperty() solvedWithoutMoney!: boolean;
  @ApiProperty({ type: OutcomeLineDto, isArray: true }) lines!: OutcomeLineDto[];
  @ApiProperty() note!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({
    description:
      'realised avoided cost beside the estimate, both for the elapsed follow-up window only (months / 12 of a route priced per year): ' +
      '{ lines, windowMonths, windowShare, estimated, realised, difference, estimateAccuracy }. Realised is an estimate after the fact.',
  })
  realised!: unknown;
}

export class FollowUpDto {
  @ApiProperty({ enum: OUTCOME_MONTHS }) months!: 3 | 6 | 12;
  @ApiProperty({ format: 'date', example: '2026-04-15' }) dueDate!: string;
  @ApiProperty({ enum: ['recorded', 'due', 'overdue', 'upcoming'], description: 'overdue: more than 14 days past its date and not recorded' })
  state!: 'recorded' | 'due' | 'overdue' | 'upcoming';
}

export class RequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the steering group (anonymised)' }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for the steering group (anonymised)' }) caseCode!: string | null;
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty() fundName!: string;
  @ApiProperty({ type: RequesterDto }) requester!: RequesterDto;
  @ApiProperty() title!: string;
  @ApiProperty() justification!: string;
  @ApiProperty({ example: '3000.00' }) amount!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the steering group (anonymised)' }) payee!: string | null;
  @ApiProperty({ enum: LIFE_DOMAINS }) lifeDomain!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ type: String, isArray: true }) barriers!: string[];
  @ApiProperty({ type: ExistingProvisionDto, isArray: true }) existingProvisions!: ExistingProvisionDto[];
  @ApiProperty() residentWish!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ enum: ['requester', 'single', 'double'], nullable: true, type: String }) tier!: string | null;
  @ApiProperty({ nullable: true, type: String }) tierReason!: string | null;
  @ApiProperty({ description: 'approved on submit within the requester’s mandate ("binnen mandaat")' }) withinMandate!: boolean;
  @ApiProperty() retroactive!: boolean;
  @ApiProperty({ example: '0.00', description: 'reserved and not yet paid' }) committed!: string;
  @ApiProperty({ example: '3000.00' }) paid!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionDue!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'hours from first submission to decision' }) hoursToDecision!: number | null;
  @ApiProperty({ type: ApprovalDto, isArray: true }) approvals!: ApprovalDto[];
  @ApiProperty({ type: DuplicateDto, isArray: true }) possibleDuplicates!: DuplicateDto[];
  @ApiProperty({ type: ComparisonDto, description: 'cost comparison against the conventional route; every figure reproducible from lines and method' })
  comparison!: ComparisonDto;
  @ApiProperty({ type: HistoryEventDto, isArray: true }) history!: HistoryEventDto[];
  @ApiProperty({ type: OutcomeResponseDto, isArray: true }) outcomes!: OutcomeResponseDto[];
  @ApiProperty({ type: FollowUpDto, isArray: true, description: 'for a funded request: the follow-ups due 3, 6 and 12 months after approval and their state' })
  followUps!: FollowUpDto[];
  @ApiProperty({ nullable: true, type: String }) infoQuestion!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ComparisonRangeDto {
  @ApiProperty({ example: '1200.00' }) low!: string;
  @ApiProperty({ example: '1600.00' }) central!: string;
  @ApiProperty({ example: '2000.00' }) high!: string;
}

/** The totals of a cost comparison, as list items carry them. */
export class ComparisonTotalsDto {
  @ApiProperty({ example: 2026 }) priceYear!: number;
  @ApiProperty({ example: '3000.00' }) maatwerkCost!: string;
  @ApiProperty({ type: ComparisonRangeDto }) avoidedCost!: ComparisonRangeDto;
  @ApiProperty({ example: '12000.00' }) netBenefit!: string;
  @ApiProperty({ nullable: true, type: String, example: '5.00', description: 'avoided (central) / maatwerkCost; null when maatwerkCost is 0' }) ratio!: string | null;
}

/**
 * A request as a list shows it: no justification, lines, outcomes or history. The full
 * request is GET /api/v1/requests/:id; `expand` adds the full comparison and the history.
 */
export class RequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the steering group (anonymised)' }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for the steering group (anonymised)' }) caseCode!: string | null;
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty() fundName!: string;
  @ApiProperty({ type: RequesterDto }) requester!: RequesterDto;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '3000.00' }) amount!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the steering group (anonymised)' }) payee!: string | null;
  @ApiProperty({ enum: LIFE_DOMAINS }) lifeDomain!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ enum: ['requester', 'single', 'double'], nullable: true, type: String }) tier!: string | null;
  @ApiProperty({ description: 'approved on submit within the requester’s mandate ("binnen mandaat")' }) withinMandate!: boolean;
  @ApiProperty() retroactive!: boolean;
  @ApiProperty({ example: '0.00', description: 'reserved and not yet paid' }) committed!: string;
  @ApiProperty({ example: '3000.00' }) paid!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'decision deadline' }) decisionDue!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: ApprovalDto, isArray: true, description: 'only with expand=approvals: the approvals given so far (a double-tier request needs two)' }) approvals?: ApprovalDto[];
  @ApiProperty({ type: FollowUpDto, isArray: true, description: 'for a funded request: the follow-ups due 3, 6 and 12 months after approval and their state' })
  followUps!: FollowUpDto[];
  @ApiProperty({ type: DuplicateDto, isArray: true }) possibleDuplicates!: DuplicateDto[];
  @ApiProperty({
    type: ComparisonTotalsDto,
    description: 'the comparison totals; with expand=comparison the full comparison as GET /api/v1/requests/:id gives it (adds lines, byBearer, avoidedByKind, priceNotes)',
  })
  comparison!: ComparisonTotalsDto;
  @ApiPropertyOptional({ type: HistoryEventDto, isArray: true, description: 'only with expand=history' }) history?: HistoryEventDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class RequestPageDto {
  @ApiProperty({ type: RequestSummaryDto, isArray: true, description: 'summaries; see expand' }) items!: RequestSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) next!: string | null;
}

/** A request in a web decision queue: a list item with its approvals and without the comparison (not part of the API). */
export type QueuedRequest = Omit<RequestSummaryDto, 'comparison' | 'approvals'> & { approvals: ApprovalDto[] };
