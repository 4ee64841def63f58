import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth/auth.decorators';
import { NotificationSettingsDto } from '../notifications/notification.dto';
import { NotificationsService } from '../notifications/notifications.service';
import { NOTIFICATION_MODES } from '../users/user.entity';
import { FieldErrors, FormInvalid, text, validateForm } from './forms';
import { translate } from './i18n';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

/** Meldingen: every user's inbox of notifications, and their choice between immediate mails and a daily digest. */
@ApiExcludeController()
@Controller('notifications')
export class NotificationsPagesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  async index(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.page(res, user, {});
  }

  @Post('read')
  async readAll(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.notifications.markRead(user.id, null);
    setFlash(res.req, translate(langOf(res), 'notif.marked'));
    await seeOther(res, '/notifications');
  }

  @Post('settings')
  async settings(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    try {
      const dto = await validateForm(NotificationSettingsDto, { mode: text(body.mode) }, lang);
      await this.notifications.setMode(user.id, dto.mode);
    } catch (e) {
      if (!(e instanceof FormInvalid)) throw e;
      return this.page(res, user, { mode: translate(lang, 'notif.settings.invalid') }, 422);
    }
    setFlash(res.req, translate(lang, 'notif.settings.saved'));
    await seeOther(res, '/notifications');
  }

  private async page(res: Response, user: AuthUser, errors: FieldErrors, status = 200): Promise<void> {
    const lang = langOf(res);
    const [items, mode] = [await this.notifications.inbox(user.id, 100), await this.notifications.mode(user.id)];
    const modes = NOTIFICATION_MODES.map((m) => ({ value: m, label: translate(lang, `notif.mode.${m}`) }));
    renderPage(res, 'notifications/index', { items, mode, modes, errors }, status);
  }
}
