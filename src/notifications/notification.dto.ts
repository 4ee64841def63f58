import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_MODES, NotificationMode } from '../users/user.entity';
import { NOTIFICATION_KINDS } from './notification-messages';
import type { InboxItem } from './notifications.repository';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) requestId!: string | null;
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ example: '[SPOED] Nieuwe aanvraag voor casus ZO-2026-0007 wacht op uw beslissing (€ 3.000,00)' }) subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'path of the page in the web UI', example: '/approvals/0b9f…' }) link!: string;
  @ApiProperty({ enum: ['none', 'queued', 'digest', 'digested'], description: 'none: inbox only (no SMTP); queued: mailed at once; digest/digested: in the daily digest' })
  mail!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: the newest `limit` notifications' }) next!: string | null;
  @ApiProperty({ description: 'unread notifications in all' }) unread!: number;
}

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class MarkedDto {
  @ApiProperty({ description: 'how many notifications were marked read' }) marked!: number;
}

export class NotificationSettingsDto {
  @ApiProperty({ enum: NOTIFICATION_MODES, description: 'immediate mails, or one daily digest for non-urgent requests (urgent ones are always immediate)' })
  @IsIn(NOTIFICATION_MODES)
  mode!: NotificationMode;
}

export const mapNotification = (n: InboxItem): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  requestId: n.requestId,
  urgent: n.urgent,
  subject: n.subject,
  body: n.body,
  link: n.link,
  mail: n.mailStatus,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});
