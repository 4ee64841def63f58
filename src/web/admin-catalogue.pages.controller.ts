import type { Locale } from '../common/locale';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { BEARER_LABELS } from '../cost-comparison/catalogue-csv';
import { CreateCostItemDto, UpdateCostItemDto } from '../cost-comparison/cost-item.dto';
import { mapCostItem, toCostItemChanges, toCostItemFields } from '../cost-comparison/cost-item.mapper';
import { CONFIDENCES, COST_KINDS, CostItemsService } from '../cost-comparison/cost-items.service';
import { FieldErrors, fieldErrorsOf, FormInvalid, moneyInput, text, validateForm } from './forms';
import { translate } from './i18n';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

type ItemForm = Record<'key' | 'label' | 'labelEn' | 'unit' | 'amount' | 'priceYear' | 'bearer' | 'kind' | 'confidence' | 'source', string>;

const EMPTY: ItemForm = { key: '', label: '', labelEn: '', unit: '', amount: '', priceYear: '', bearer: '', kind: 'fiscal', confidence: 'medium', source: '' };

/** The unit-cost catalogue: list, add, and change an amount (which makes a new version). */
@ApiExcludeController()
@Controller('admin/catalogue')
@Roles('admin')
export class AdminCataloguePagesController {
  constructor(private readonly items: CostItemsService) {}

  @Get()
  async list(@Res() res: Response): Promise<void> {
    await this.page(res, EMPTY, {});
  }

  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, text(body[k]).trim()])) as ItemForm;
    const year = form.priceYear === '' ? null : /^\d{4}$/.test(form.priceYear) ? Number(form.priceYear) : form.priceYear;
    try {
      const dto = await validateForm(CreateCostItemDto, { ...form, amount: moneyInput(form.amount), priceYear: year }, lang);
      await this.items.create(dto.key, toCostItemFields(dto), user.id);
    } catch (e) {
      return this.page(res, form, this.errorsOf(e, lang, 'key'), 422);
    }
    setFlash(res.req, translate(lang, 'admin.cat.added'));
    await seeOther(res, '/admin/catalogue');
  }

  /** One item's amount, price year, source and address (a new version of the item). */
  @Get(':key/edit')
  async editForm(@Param('key') key: string, @Res() res: Response): Promise<void> {
    const item = await this.current(key);
    await this.editPage(res, item, { amount: item.amount.replace('.', ','), priceYear: item.year ? String(item.year) : '', source: item.source, url: item.url ?? '' }, {});
  }

  @Post(':key')
  async change(@CurrentUser() user: AuthUser, @Param('key') key: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const amount = text(body.amount);
    const full = body.form === 'edit';
    const form = { amount, priceYear: text(body.priceYear).trim(), source: text(body.source).trim(), url: text(body.url).trim() };
    let label = key;
    try {
      const plain: Record<string, unknown> = full
        ? {
            amount: moneyInput(amount),
            priceYear: form.priceYear === '' ? null : /^\d{4}$/.test(form.priceYear) ? Number(form.priceYear) : form.priceYear,
            source: form.source,
            url: form.url === '' ? null : form.url,
          }
        : { amount: moneyInput(amount) };
      const dto = await validateForm(UpdateCostItemDto, plain, lang);
      const item = await this.items.update(key, toCostItemChanges(dto), user.id);
      label = lang === 'en' ? item.labelEn : item.labelNl;
    } catch (e) {
      const errors = this.errorsOf(e, lang, 'amount');
      if (full) return this.editPage(res, await this.current(key), form, errors, 422);
      return this.page(res, EMPTY, { [`amount.${key}`]: errors.amount ?? Object.values(errors)[0] }, 422, { key, amount });
    }
    setFlash(res.req, translate(lang, 'admin.cat.changed', { label }));
    await seeOther(res, `/admin/catalogue#item-${key}`);
  }

  private async current(key: string) {
    const item = (await this.items.list()).map(mapCostItem).find((i) => i.key === key);
    if (!item) throw DomainError.notFound('cost item', key);
    return item;
  }

  private async editPage(res: Response, item: ReturnType<typeof mapCostItem>, form: Record<string, string>, errors: FieldErrors, status = 200): Promise<void> {
    renderPage(res, 'admin/catalogue-item', { item, form, errors }, status);
  }

  private errorsOf(e: unknown, lang: Locale, fallback: string): FieldErrors {
    if (e instanceof FormInvalid) return e.errors;
    if (e instanceof DomainError && e.code === 'COST_ITEM.KEY_EXISTS') return { key: lang === 'nl' ? 'Deze sleutel bestaat al' : e.message };
    if (e instanceof DomainError && (e.kind === 'invalid' || e.kind === 'conflict')) {
      const errors = fieldErrorsOf(e, lang);
      return Object.keys(errors).length ? errors : { [fallback]: e.message };
    }
    throw e;
  }

  private async page(res: Response, form: ItemForm, errors: FieldErrors, status = 200, change?: { key: string; amount: string }): Promise<void> {
    const lang = langOf(res);
    const items = (await this.items.list()).map(mapCostItem).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
    renderPage(res, 'admin/catalogue', {
      items,
      form,
      errors,
      change: change ?? null,
      bearerOptions: Object.entries(BEARER_LABELS).map(([value, l]) => ({ value, label: lang === 'en' ? l.en : l.nl })),
      kindOptions: COST_KINDS.map((k) => ({ value: k, label: translate(lang, `admin.cat.kind.${k}`) })),
      confidenceOptions: CONFIDENCES.map((c) => ({ value: c, label: translate(lang, `admin.cat.confidence.${c}`) })),
    }, status);
  }
}
