import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { UuidParamDto } from '../common/validation';
import { ListNotificationsQueryDto, mapNotification, MarkedDto, NotificationPageDto, NotificationSettingsDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

/** Each user's own notifications (the Meldingen inbox) and their mail preference. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentUser() user: AuthUser, @Query() q: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const items = await this.notifications.inbox(user.id, q.limit ?? 50);
    return { items: items.filter((n) => !q.unread || !n.readAt).map(mapNotification), next: null, unread: await this.notifications.unreadCount(user.id) };
  }

  @Post('notifications/read')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedDto, description: 'all of the user’s notifications marked read' })
  async readAll(@CurrentUser() user: AuthUser): Promise<MarkedDto> {
    return { marked: await this.notifications.markRead(user.id, null) };
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedDto })
  async readOne(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<MarkedDto> {
    await this.notifications.markOneRead(user.id, p.id);
    return { marked: 1 };
  }

  @Get('me/notification-settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  async settings(@CurrentUser() user: AuthUser): Promise<NotificationSettingsDto> {
    return { mode: await this.notifications.mode(user.id) };
  }

  @Put('me/notification-settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  async updateSettings(@CurrentUser() user: AuthUser, @Body() dto: NotificationSettingsDto): Promise<NotificationSettingsDto> {
    await this.notifications.setMode(user.id, dto.mode);
    return { mode: dto.mode };
  }
}
