import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ValidateDate, ValidateMoney, ValidateText } from '../common/validation';

export class PayeeAccountInputDto {
  @ValidateText(70, { description: 'account holder as the bank knows them (SEPA: at most 70 characters)', example: 'NS Reizigers B.V.' })
  name!: string;

  @ApiProperty({ example: 'NL91ABNA0417164300', description: 'IBAN, with or without spaces; checked with the ISO 13616 mod-97 check digits' })
  @IsString()
  @MaxLength(42)
  iban!: string;
}

export class PayeeAccountDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ example: 'NS Reizigers B.V.' }) name!: string;
  @ApiProperty({ example: 'NL** **** **** **43 00', description: 'in full (paper format) for administrators, masked for everyone else' })
  iban!: string;
  @ApiProperty() masked!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class BatchItemInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  requestId!: string;

  @ValidateMoney({ optional: true, description: 'part of the commitment to pay; default all that is still committed' })
  @IsOptional()
  amount?: string;

  @ApiPropertyOptional({ enum: ['EUR'], default: 'EUR' })
  @IsOptional()
  @IsIn(['EUR'], { message: '$property must be EUR: SEPA credit transfers are in euro only' })
  currency?: string;
}

export class CreateBatchDto {
  @ApiPropertyOptional({ type: [BatchItemInputDto], description: 'the approved, unpaid commitments to pay; leave out and set `all` for every due one' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BatchItemInputDto)
  items?: BatchItemInputDto[];

  @ApiPropertyOptional({ description: 'every approved commitment with a payee IBAN that is not in a batch yet (leaving out any above 999999999.99, the most one SEPA credit transfer carries: pay those in parts with items[].amount)' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @ValidateDate({ description: 'requested execution date (YYYY-MM-DD)', example: '2026-12-03' })
  executionDate!: string;

  @ValidateText(70, { description: 'the paying organisation (debtor)', example: 'Gemeente Zuidoost' })
  debtorName!: string;

  @ApiProperty({ example: 'NL02ABNA0123456789', description: "the municipality's account the money leaves from" })
  @IsString()
  @MaxLength(42)
  debtorIban!: string;

  @ApiPropertyOptional({ example: 'ABNANL2A', description: 'BIC of the debtor bank; "NOTPROVIDED" is written when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  debtorBic?: string;
}

export class BatchItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() requestTitle!: string;
  @ApiProperty({ example: 'c0ffee…', description: 'EndToEndId of the credit transfer (32 characters)' }) endToEndId!: string;
  @ApiProperty({ example: '125.50' }) amount!: string;
  @ApiProperty() payeeName!: string;
  @ApiProperty({ example: 'NL91 ABNA 0417 1643 00' }) payeeIban!: string;
  @ApiProperty({ example: 'Doorbraakbudget aanvraag 6f1c…' }) remittance!: string;
  @ApiProperty({ enum: ['ordered', 'paid', 'cancelled', 'returned_reopened', 'returned_released'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
}

export class BatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DBB-20261202-4F2A9C1B', description: 'GrpHdr/MsgId of the file' }) messageId!: string;
  @ApiProperty({ enum: ['open', 'confirmed', 'cancelled'] }) status!: string;
  @ApiProperty({ example: '2026-12-03', format: 'date' }) executionDate!: string;
  @ApiProperty() debtorName!: string;
  @ApiProperty() debtorIban!: string;
  @ApiProperty({ nullable: true, type: String }) debtorBic!: string | null;
  @ApiProperty({ example: '1250.00' }) total!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ example: '250.00', description: 'of total, booked as paid from bank statements' }) paid!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ type: [BatchItemDto] }) items!: BatchItemDto[];
}

export class BatchPageDto {
  @ApiProperty({ type: [BatchDto] }) items!: BatchDto[];
  @ApiProperty({ type: String, nullable: true, description: 'offset of the next page, or null' }) next!: string | null;
}

export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'offset from `next` of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  cursor?: number;
}

export class DuePaymentDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() fundName!: string;
  @ApiProperty({ example: '1000.00', description: 'committed and not in a batch' }) due!: string;
  @ApiProperty({ nullable: true, type: String }) payeeName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'paper format (administrators only see this list)' }) payeeIban!: string | null;
}

export class StatementUploadDto {
  // required in JSON; a multipart upload carries the file instead (the handler checks which one came)
  @ApiProperty({ required: true, maxLength: 95_000, description: 'the camt.053 bank statement (ISO 20022, camt.053.001.02 to .13) as XML text; larger statements (up to 5 MB) can be uploaded as a file with multipart/form-data' })
  @IsOptional()
  @IsString()
  @MaxLength(95_000)
  xml?: string;
}

export class StatementLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'line of the entry in the uploaded XML' }) xmlLine!: number;
  @ApiProperty({ nullable: true, type: String }) endToEndId!: string | null;
  @ApiProperty({ example: '125.50' }) amount!: string;
  @ApiProperty({ enum: ['DBIT', 'CRDT'] }) direction!: string;
  @ApiProperty({ nullable: true, type: String, example: 'AC04' }) returnReason!: string | null;
  @ApiProperty({ enum: ['paid', 'returned', 'amount_mismatch', 'unknown', 'already_paid', 'ignored'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) requestId!: string | null;
  @ApiProperty() detail!: string;
  @ApiProperty({ description: 'the administrator must resolve this line (returns, different amounts, unknown payments)' }) needsResolution!: boolean;
  @ApiProperty({ nullable: true, type: String, enum: ['reopen', 'release', 'dismissed'] }) resolution!: string | null;
  @ApiProperty() resolutionNote!: string;
}

export class StatementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() messageId!: string;
  @ApiProperty() statementId!: string;
  @ApiProperty() accountIban!: string;
  @ApiProperty({ type: String, format: 'date-time' }) importedAt!: string;
  @ApiProperty({ description: 'true when this statement had been imported before: nothing changed' }) alreadyImported!: boolean;
  @ApiProperty() booked!: number;
  @ApiProperty() unmatched!: number;
  @ApiProperty({ type: [StatementLineDto] }) lines!: StatementLineDto[];
}

export class StatementImportDto {
  @ApiProperty({ type: [StatementDto], description: 'one per Stmt in the file' }) statements!: StatementDto[];
}

export class StatementPageDto {
  @ApiProperty({ type: [StatementDto] }) items!: StatementDto[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

export class ResolveLineDto {
  @ApiProperty({ enum: ['reopen', 'release', 'dismissed'], description: 'returned payment: reopen the commitment (it can go into a new batch) or release it to the fund; anything else: dismissed after handling it outside' })
  @IsIn(['reopen', 'release', 'dismissed'], { message: 'action must be one of reopen, release, dismissed' })
  action!: 'reopen' | 'release' | 'dismissed';

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
