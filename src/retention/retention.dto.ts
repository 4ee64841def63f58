import { ApiProperty } from '@nestjs/swagger';

export class RetentionCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'the case pseudonym' }) caseCode!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({
    type: 'object', additionalProperties: { type: 'integer' },
    description: 'per `table.column`, how many non-empty texts are (or would be) erased',
    example: { 'requests.justification': 2, 'request_outcomes.note': 1, 'request_events.reason': 1 },
  })
  fields!: Record<string, number>;
}

export class RetentionSkippedDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseCode!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty() reason!: string;
}

export class RetentionRunDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ format: 'date-time', description: 'cases closed before this instant are expired' }) cutoff!: string;
  @ApiProperty({ description: 'RETENTION_NARRATIVE_MONTHS' }) retentionMonths!: number;
  @ApiProperty({ type: [RetentionCaseDto] }) cases!: RetentionCaseDto[];
  @ApiProperty({
    type: [RetentionSkippedDto],
    description: 'expired cases left untouched because a workflow event no longer matches the hash chain (run ledger:verify)',
  })
  skipped!: RetentionSkippedDto[];
}

export class RetentionErasureDto extends RetentionCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
  @ApiProperty({ enum: ['job', 'cli', 'api'] }) channel!: string;
}
