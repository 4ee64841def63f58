import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength,
} from 'class-validator';
import { ValidateText } from '../common/validation';
import { CASE_CODE_PATTERN } from './case-code';
import { LIFE_DOMAINS, LifeDomain } from './life-domains';
import { MAX_PAGE_SIZE } from '../common/cursor';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** Shared `?limit=&cursor=` of every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional() @Transform(toInt) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'the `next` value of the previous page' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;
}

export class CreateCaseDto {
  @ApiPropertyOptional({ example: 'ZO-2026-0007', description: 'generated when absent' })
  @IsOptional() @IsString() @Matches(CASE_CODE_PATTERN, { message: 'code must look like ZO-2026-0007 (two capitals, year, four digits)' })
  code?: string;

  @ValidateText(100, { example: 'Zuidoost' }) @MinLength(1, { message: 'neighbourhood must not be empty' }) @ApiProperty({ minLength: 1, pattern: '\\S' })
  neighbourhood!: string;

  @ApiProperty({ enum: LIFE_DOMAINS, isArray: true })
  @IsArray() @ArrayMaxSize(LIFE_DOMAINS.length) @ArrayUnique() @IsIn(LIFE_DOMAINS, { each: true, message: `lifeDomains must be some of: ${LIFE_DOMAINS.join(', ')}` })
  lifeDomains!: LifeDomain[];

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, description: 'other professionals working on the case' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true, message: 'memberIds must be user ids (UUIDs)' })
  memberIds?: string[];
}

export class AddCaseMemberDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'userId must be a UUID' }) userId!: string;
}

export class CaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MoneyTotalsDto {
  @ApiProperty({ example: '250.00', description: 'reserved and not yet paid' }) committed!: string;
  @ApiProperty({ example: '3000.00', description: 'paid out' }) spent!: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ZO-2026-0007' }) code!: string;
  @ApiProperty() neighbourhood!: string;
  @ApiProperty({ enum: LIFE_DOMAINS, isArray: true }) lifeDomains!: LifeDomain[];
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ type: PersonRefDto }) leadProfessional!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto }) organisation!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, isArray: true }) members!: PersonRefDto[];
  @ApiProperty({ type: MoneyTotalsDto }) totals!: MoneyTotalsDto;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
}

export class CaseFundTotalsDto extends MoneyTotalsDto {
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty() fundName!: string;
}

export class CaseRequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '3000.00' }) amount!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'uuid' }) fundId!: string;
  @ApiProperty() fundName!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() committed!: string;
  @ApiProperty() paid!: string;
  @ApiProperty() createdAt!: string;
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: CaseFundTotalsDto, isArray: true }) byFund!: CaseFundTotalsDto[];
  @ApiProperty({ type: CaseRequestSummaryDto, isArray: true }) requests!: CaseRequestSummaryDto[];
}

export class CasePageDto {
  @ApiProperty({ type: CaseDto, isArray: true }) items!: CaseDto[];
  @ApiProperty({ nullable: true, type: String }) next!: string | null;
}
