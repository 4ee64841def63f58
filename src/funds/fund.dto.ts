import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  MinLength,
  ArrayMaxSize, IsArray, IsDefined, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { ValidateDate, ValidateMoney, ValidateRate, ValidateShare, ValidateText, ValidateUuid } from '../common/validation';

// ---- requests ----

export class FundRulesDto {
  @ValidateMoney({ positive: false, description: 'what a requester may spend on their own (0 = nothing)' }) requesterMandate!: string;
  @ValidateMoney({ description: 'up to this amount one budget holder decides; above it two approvers' }) singleApproverLimit!: string;
  @ValidateMoney({ description: 'at most this much per person (case) per calendar year' }) personCapPerYear!: string;
  @ApiProperty({ type: Number, minimum: 1, maximum: 720, example: 24 })
  @IsInt()
  @Min(1)
  @Max(720)
  urgentDecisionHours!: number;
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 60, example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  decisionWorkingDays?: number;
  @ValidateShare({ optional: true, example: '0.1', description: 'cost comparison: default share of a route line that would have been avoided anyway, without the request (deadweight); default 0.1' })
  deadweight?: string;
  @ValidateShare({ optional: true, example: '0.8', description: 'cost comparison: default share of the effect attributable to the request rather than to other help; default 0.8' })
  attribution?: string;
  @ValidateShare({ optional: true, example: '0.2', description: 'cost comparison: share of the effect lost each year after the first (drop-off); default 0.2' })
  dropOff?: string;
  @ValidateRate({ max: '0.2', optional: true, example: '0.0225', description: 'cost comparison: real discount rate per year; default 0.0225, the Dutch standard rate for social cost-benefit analysis' })
  discountRate?: string;
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 50, example: 5, description: 'cost comparison: years a route line counts at most; default 5' })
  @IsOptional()
  @IsInt({ message: 'horizonYears must be a whole number of years' })
  @Min(1, { message: 'horizonYears must be at least 1' })
  @Max(50, { message: 'horizonYears must be at most 50' })
  horizonYears?: number;
}

/** Change a fund after creation: its rules and its budget holders (applies to submissions from now on). */
export class UpdateFundDto {
  @ApiProperty({ type: FundRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FundRulesDto)
  rules!: FundRulesDto;
  @ApiProperty({ type: [String], format: 'uuid', description: 'budget holders of this fund (replaces the list)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  holderIds!: string[];
}

export class CreateFundDto {
  @ValidateText(200, { example: 'Doorbraakfonds Utrecht 2026' }) @MinLength(1, { message: 'name must not be empty' }) @ApiProperty({ minLength: 1, pattern: '\\S' }) name!: string;
  @ValidateDate() periodStart!: string;
  @ValidateDate() periodEnd!: string;
  @ApiProperty({ type: FundRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FundRulesDto)
  rules!: FundRulesDto;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'budget holders of this fund' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  holderIds?: string[];
}

export class CreateContributionDto {
  @ValidateUuid() organisationId!: string;
  @ValidateMoney() amount!: string;
  @IsOptional() @ValidateText(500, { required: false }) note?: string;
  @IsOptional() @ValidateDate({ required: false, description: 'default: today' }) effectiveDate?: string;
}

export class CreateTransferDto {
  @ValidateUuid() toFundId!: string;
  @ValidateMoney() amount!: string;
  @ValidateText(500) note!: string;
}

/** `?limit=` of the fund lists (1–200, default 50); each list adds its own cursor. */
class PageLimitQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ListFundsQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ description: 'the `next` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;
}

export class ListEntriesQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ description: 'the `next` of the previous page' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'cursor must be the `next` value of a previous page' })
  cursor?: string;
}

// ---- responses (money as decimal strings) ----

export class FundRulesResponseDto {
  @ApiProperty({ example: '250.00' }) requesterMandate!: string;
  @ApiProperty({ example: '2500.00' }) singleApproverLimit!: string;
  @ApiProperty({ example: '10000.00' }) personCapPerYear!: string;
  @ApiProperty() urgentDecisionHours!: number;
  @ApiProperty() decisionWorkingDays!: number;
  @ApiProperty({ example: '0.1', description: 'default deadweight share of the cost comparison' }) deadweight!: string;
  @ApiProperty({ example: '0.8', description: 'default attribution share' }) attribution!: string;
  @ApiProperty({ example: '0.2', description: 'drop-off per year' }) dropOff!: string;
  @ApiProperty({ example: '0.0225', description: 'real discount rate per year' }) discountRate!: string;
  @ApiProperty({ example: 5, description: 'horizon in years' }) horizonYears!: number;
}

export class BalancesDto {
  @ApiProperty({ example: '10000.00', description: 'committed + spent + available' }) budget!: string;
  @ApiProperty({ example: '3000.00' }) committed!: string;
  @ApiProperty({ example: '1500.00' }) spent!: string;
  @ApiProperty({ example: '5500.00' }) available!: string;
}

export class FundSummaryDto extends BalancesDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
}

export class FundContributionTotalDto {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ example: '6000.00', description: 'net contributed (after reversals)' }) amount!: string;
}

export class FundHolderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
}

export class FundDto extends FundSummaryDto {
  @ApiProperty({ type: FundRulesResponseDto }) rules!: FundRulesResponseDto;
  @ApiProperty({ example: '0.00', description: 'net transferred in from other funds (negative: out)' }) transferred!: string;
  @ApiProperty({ type: [FundContributionTotalDto] }) contributions!: FundContributionTotalDto[];
  @ApiProperty({ type: [FundHolderDto] }) holders!: FundHolderDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FundPageDto {
  @ApiProperty({ type: [FundSummaryDto] }) items!: FundSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

export class ContributionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ example: '6000.00' }) amount!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty({ format: 'uuid', description: 'the journal entry that booked it' }) entryId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ContributionResponseDto {
  @ApiProperty({ type: ContributionDto }) contribution!: ContributionDto;
  @ApiProperty({ type: BalancesDto }) balances!: BalancesDto;
}

export class TransferResponseDto {
  @ApiProperty({ format: 'uuid' }) fromFundId!: string;
  @ApiProperty({ format: 'uuid' }) toFundId!: string;
  @ApiProperty({ example: '500.00' }) amount!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'uuid' }) fromEntryId!: string;
  @ApiProperty({ format: 'uuid' }) toEntryId!: string;
  @ApiProperty({ type: BalancesDto, description: 'the source fund after the transfer' }) from!: BalancesDto;
  @ApiProperty({ type: BalancesDto, description: 'the receiving fund after the transfer' }) to!: BalancesDto;
}

export class PostingDto {
  @ApiProperty({ example: 'available', description: "'available' | 'committed' | 'spent' | 'transfer' | 'contribution:<organisationId>'" })
  account!: string;
  @ApiProperty({ example: '-300.00', description: 'debit positive' }) amount!: string;
}

export class JournalEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '12' }) chainSeq!: string;
  @ApiProperty({ enum: ['contribution', 'reservation', 'release', 'payment', 'refund', 'transfer', 'reversal'] }) kind!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) contributionId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) paymentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) reversesEntryId!: string | null;
  @ApiProperty() memo!: string;
  @ApiProperty({ type: [PostingDto] }) postings!: PostingDto[];
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

export class JournalEntryPageDto {
  @ApiProperty({ type: [JournalEntryDto] }) items!: JournalEntryDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}
