import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BrokenRecordDto {
  @ApiProperty({ example: 'journal_entries' }) table!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true, example: '42' }) chainSeq!: string | null;
}

export class VerifyCheckDto {
  @ApiProperty({ example: 'hash_chain' }) name!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ type: BrokenRecordDto }) firstBroken?: BrokenRecordDto;
}

/** The verifier's result is plain data already (strings, booleans, numbers), so it is its own response. */
export class VerifyResultDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'number of journal entries checked' }) entries!: number;
  @ApiProperty({ type: [VerifyCheckDto] }) checks!: VerifyCheckDto[];
}
