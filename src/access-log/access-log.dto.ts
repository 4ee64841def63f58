import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ValidateDate } from '../common/validation';
import { ACCESS_ACTIONS, ACCESS_CHANNELS, AccessAction, AccessChannel } from './access-log.entity';

export class AccessLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only reads of this case' })
  @IsOptional() @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'only reads of the case with this code (pseudonym)' })
  @IsOptional() @IsString() @MaxLength(64)
  caseCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only reads by this user' })
  @IsOptional() @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({ description: 'only reads by the user with this e-mail address' })
  @IsOptional() @IsString() @MaxLength(320)
  userEmail?: string;

  @IsOptional()
  @ValidateDate({ required: false, description: 'first day, inclusive (Europe/Amsterdam)' })
  from?: string;

  @IsOptional()
  @ValidateDate({ required: false, description: 'last day, inclusive (Europe/Amsterdam)' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'offset must be a whole number' }) @Min(0)
  offset?: number;
}

export class AccessLogItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty() userEmail!: string;
  @ApiProperty({ nullable: true, type: String }) userName!: string | null;
  @ApiProperty({ enum: ACCESS_CHANNELS }) channel!: AccessChannel;
  @ApiProperty({ enum: ACCESS_ACTIONS }) action!: AccessAction;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the case pseudonym' }) caseCode!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the request read' }) requestId!: string | null;
  @ApiProperty({ description: 'parameters of an export (fund, period); never case content' }) detail!: string;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogItemDto] }) items!: AccessLogItemDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'offset of the next page, null when this is the last' }) next!: number | null;
}
