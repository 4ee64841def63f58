import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ValidateMoney, ValidateText } from '../common/validation';
import { BEARER_LABELS, BearerKey } from './catalogue-csv';
import { BudgetEffect, Confidence, CostKind } from './comparison.types';
import { BUDGET_EFFECTS, CONFIDENCES, COST_ITEM_KEY_PATTERN, COST_KINDS, MAX_PRICE_YEAR, MIN_PRICE_YEAR } from './cost-items.service';

const BEARER_KEYS = Object.keys(BEARER_LABELS) as BearerKey[];
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

/** May be left out, but not sent as null (IsOptional would let null through as "no change"). */
const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export class CostItemListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: every version, not only the current ones' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeHistory must be true or false' })
  includeHistory?: 'true' | 'false';
}

export class CreateCostItemDto {
  @ApiProperty({ pattern: COST_ITEM_KEY_PATTERN.source, example: 'detention_day' })
  @IsString()
  @Matches(COST_ITEM_KEY_PATTERN, {
    message: 'key must be lower snake_case: a letter, then 2 to 63 letters, digits or underscores',
  })
  key!: string;

  /** Dutch label */
  @ValidateText(200, { example: 'Dag detentie volwassene' }) @IsNotEmpty() label!: string;
  @ValidateText(200, { example: 'Prison day, adult' }) @IsNotEmpty() labelEn!: string;
  @ValidateText(60, { example: 'per dag' }) @IsNotEmpty() unit!: string;
  @ValidateMoney({ description: 'euro amount in prices of priceYear' }) amount!: string;

  @ApiProperty({ type: Number, nullable: true, minimum: MIN_PRICE_YEAR, maximum: MAX_PRICE_YEAR, required: false })
  @IsOptional()
  @IsInt()
  @Min(MIN_PRICE_YEAR)
  @Max(MAX_PRICE_YEAR)
  priceYear?: number | null;

  @ApiProperty({ enum: BEARER_KEYS }) @IsIn(BEARER_KEYS) bearer!: BearerKey;
  @Omittable() @ValidateText(200, { required: false, description: 'defaults to the generic label of the bearer' })
  bearerLabel?: string;
  @ApiProperty({ enum: COST_KINDS }) @IsIn(COST_KINDS) kind!: CostKind;
  @ApiPropertyOptional({ enum: BUDGET_EFFECTS, description: 'what avoiding it frees for the bearer: cash (paid per unit), capacity (paid for anyway: staff time, places) or none (societal cost). Default: cash for fiscal, none for societal' })
  @Omittable() @IsIn(BUDGET_EFFECTS, { message: 'budgetEffect must be one of: cash, capacity, none' }) budgetEffect?: BudgetEffect;
  @ApiProperty({ enum: CONFIDENCES }) @IsIn(CONFIDENCES) confidence!: Confidence;
  @Omittable() @ValidateText(1000, { required: false }) confidenceNote?: string;
  @ValidateText(1000) @IsNotEmpty() source!: string;

  @ApiProperty({ type: String, nullable: true, required: false, format: 'uri' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) address' })
  @MaxLength(2000)
  url?: string | null;
}

/** Every field optional; what is given replaces the current version's value in a new version. */
export class UpdateCostItemDto {
  @Omittable() @ValidateText(200, { required: false }) @IsNotEmpty() label?: string;
  @Omittable() @ValidateText(200, { required: false }) @IsNotEmpty() labelEn?: string;
  @Omittable() @ValidateText(60, { required: false }) @IsNotEmpty() unit?: string;
  @ValidateMoney({ optional: true }) amount?: string;

  @ApiProperty({ type: Number, nullable: true, minimum: MIN_PRICE_YEAR, maximum: MAX_PRICE_YEAR, required: false })
  @IsOptional()
  @IsInt()
  @Min(MIN_PRICE_YEAR)
  @Max(MAX_PRICE_YEAR)
  priceYear?: number | null;

  @ApiPropertyOptional({ enum: BEARER_KEYS }) @Omittable() @IsIn(BEARER_KEYS) bearer?: BearerKey;
  @Omittable() @ValidateText(200, { required: false }) bearerLabel?: string;
  @ApiPropertyOptional({ enum: COST_KINDS }) @Omittable() @IsIn(COST_KINDS) kind?: CostKind;
  @ApiPropertyOptional({ enum: BUDGET_EFFECTS }) @Omittable() @IsIn(BUDGET_EFFECTS, { message: 'budgetEffect must be one of: cash, capacity, none' }) budgetEffect?: BudgetEffect;
  @ApiPropertyOptional({ enum: CONFIDENCES }) @Omittable() @IsIn(CONFIDENCES) confidence?: Confidence;
  @Omittable() @ValidateText(1000, { required: false }) confidenceNote?: string;
  @Omittable() @ValidateText(1000, { required: false }) @IsNotEmpty() source?: string;

  @ApiProperty({ type: String, nullable: true, required: false, format: 'uri' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) address' })
  @MaxLength(2000)
  url?: string | null;
}

export class CostItemDto {
  @ApiProperty({ example: 'detention_day' }) key!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ description: 'Dutch label' }) label!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ example: 'per dag' }) unit!: string;
  @ApiProperty({ example: '262.00', description: 'in prices of year' }) amount!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'price year; null: not CPI-indexed' }) year!: number | null;
  @ApiProperty({ enum: BEARER_KEYS }) bearer!: string;
  @ApiProperty({ example: 'Justitie (DJI)' }) bearerLabel!: string;
  @ApiProperty({ enum: COST_KINDS }) kind!: CostKind;
  @ApiProperty({ enum: BUDGET_EFFECTS, description: 'what avoiding it frees for the bearer: cash (paid per unit), capacity (paid for anyway: staff time, places) or none (societal cost)' }) budgetEffect!: BudgetEffect;
  @ApiProperty({ enum: CONFIDENCES }) confidence!: Confidence;
  @ApiProperty() confidenceNote!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null for the current version' })
  supersededAt!: string | null;
}

export class CostItemListDto {
  @ApiProperty({ type: [CostItemDto] }) items!: CostItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'the catalogue is returned whole' }) next!: null;
}

export class BarrierTagDto {
  @ApiProperty({ example: 'waiting_list' }) key!: string;
  @ApiProperty({ example: 'Wachtlijst' }) label!: string;
  @ApiProperty({ example: 'Waiting list' }) labelEn!: string;
}

export class BarrierTagListDto {
  @ApiProperty({ type: [BarrierTagDto] }) items!: BarrierTagDto[];
  @ApiProperty({ type: String, nullable: true }) next!: null;
}
