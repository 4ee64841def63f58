import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { FieldErrors, fieldErrorsOf, FormInvalid, text, validateForm } from '../web/forms';
import { langOf, renderPage } from '../web/web-context';
import { AccessLogQueryDto } from './access-log.dto';
import { AccessLogService } from './access-log.service';
import { amsterdamDateTime } from './amsterdam-day';

const FIELDS = ['caseCode', 'userEmail', 'from', 'to'] as const;

/** The access log page: filter by case, user and period; download the same selection as CSV. */
@ApiExcludeController()
@Controller('admin/access-log')
@Roles('admin', 'privacy_officer')
export class AccessLogPagesController {
  constructor(private readonly log: AccessLogService) {}

  @Get()
  async page(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const form = formOf(query);
    try {
      const dto = await this.valid(form, res, query.offset);
      const list = await this.log.list(dto);
      const page = { ...list, items: list.items.map((i) => ({ ...i, when: amsterdamDateTime(new Date(i.occurredAt)) })) };
      const qs = new URLSearchParams(Object.entries(form).filter(([, v]) => v !== '')).toString();
      renderPage(res, 'admin/access-log', { form, errors: {}, page, qs });
    } catch (e) {
      const errors = errorsOf(e, langOf(res));
      if (!errors) throw e;
      renderPage(res, 'admin/access-log', { form, errors, page: { items: [], next: null }, qs: '' }, 422);
    }
  }

  @Get('entries.csv')
  async csv(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const form = formOf(query);
    try {
      const file = await this.log.csv(user, 'web', await this.valid(form, res));
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
      res.end(file.csv);
    } catch (e) {
      const errors = errorsOf(e, langOf(res));
      if (!errors) throw e;
      renderPage(res, 'admin/access-log', { form, errors, page: { items: [], next: null }, qs: '' }, 422);
    }
  }

  private valid(form: Record<string, string>, res: Response, offset?: unknown): Promise<AccessLogQueryDto> {
    const plain: Record<string, unknown> = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));
    if (typeof offset === 'string' && offset !== '') plain.offset = offset;
    plain.limit = '100';
    return validateForm(AccessLogQueryDto, plain, langOf(res)).then((dto) => {
      if (dto.from && dto.to && dto.to < dto.from) throw DomainError.invalidField('to', 'must not be before from');
      return dto;
    });
  }
}

function formOf(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(FIELDS.map((k) => [k, text(query[k]).trim()]));
}

function errorsOf(e: unknown, lang: 'nl' | 'en'): FieldErrors | null {
  if (e instanceof FormInvalid) return e.errors;
  if (e instanceof DomainError && e.kind === 'invalid') return fieldErrorsOf(e, lang);
  return null;
}
