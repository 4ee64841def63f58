import { PageId, PageIdPipe } from './page-id';
import type { Locale } from '../common/locale';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsEmail, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ValidateText } from '../common/validation';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateUserDto, mapUser, UpdateUserDto } from '../users/user.dto';
import { ROLES } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { confirmed } from './confirm';
import { asList, FieldErrors, fieldErrorsOf, FormInvalid, moneyInput, text, validateForm } from './forms';
import { translate } from './i18n';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

/** What the administrator may correct about a person. */
class UserProfileDto {
  @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(200) email!: string;
  @ValidateText(200) @MinLength(1, { message: 'displayName must not be empty' }) displayName!: string;
  @IsUUID('all', { message: 'organisationId must be chosen' }) organisationId!: string;
}

interface UserForm {
  email: string;
  displayName: string;
  password: string;
  organisationId: string;
  roles: string[];
  mandate: string;
}

const EMPTY: UserForm = { email: '', displayName: '', password: '', organisationId: '', roles: [], mandate: '' };

/** Administrators manage accounts: create, roles, personal mandate, (de)activate. */
@ApiExcludeController()
@Controller('admin/users')
@Roles('admin')
export class AdminUsersPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  async list(@Res() res: Response): Promise<void> {
    await this.page(res, EMPTY, {});
  }

  @Post()
  async create(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form: UserForm = {
      email: text(body.email).trim(), displayName: text(body.displayName), password: text(body.password),
      organisationId: text(body.organisationId), roles: asList(body.roles), mandate: text(body.mandate),
    };
    const mandate = moneyInput(form.mandate);
    try {
      const dto = await validateForm(CreateUserDto, { ...form, mandate: mandate === '' ? null : mandate }, lang);
      await this.users.create(dto);
    } catch (e) {
      const errors = this.errorsOf(e, lang);
      return this.page(res, { ...form, password: '' }, errors, 422);
    }
    setFlash(res.req, translate(lang, 'admin.users.created'));
    await seeOther(res, '/admin/users');
  }

  @Get(':id')
  async edit(@Param(PageIdPipe) p: PageId, @Res() res: Response): Promise<void> {
    const u = mapUser(await this.users.get(p.id));
    await this.editPage(res, u.id, { roles: u.roles, mandate: u.mandate ? u.mandate.replace('.', ',') : '' }, {});
  }

  @Post(':id')
  async update(@CurrentUser() me: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const action = text(body.action);
    if (action === 'deactivate' || action === 'activate') {
      if (p.id === me.id && action === 'deactivate') throw DomainError.conflict('USER.SELF', 'you cannot deactivate your own account');
      if (action === 'deactivate') {
        const u = mapUser(await this.users.get(p.id));
        const ok = confirmed(res, body, {
          title: translate(lang, 'confirm.deactivate.title'),
          question: translate(lang, 'confirm.deactivate.question', { name: u.displayName, email: u.email }),
          action: `/admin/users/${p.id}`,
          fields: { action },
          yes: translate(lang, 'confirm.deactivate.yes'),
          back: `/admin/users/${p.id}`,
        });
        if (!ok) return;
      }
      await this.users.update(p.id, { active: action === 'activate' }, me.id);
      setFlash(res.req, translate(lang, 'admin.users.updated'));
      return seeOther(res, `/admin/users/${p.id}`);
    }
    if (action === 'profile') return this.updateProfile(res, p.id, body);
    if (action === 'reset-password') {
      const u = mapUser(await this.users.get(p.id));
      const ok = confirmed(res, body, {
        title: translate(lang, 'admin.users.reset.title'),
        question: translate(lang, 'admin.users.reset.question', { name: u.displayName, email: u.email }),
        action: `/admin/users/${p.id}`,
        fields: { action },
        yes: translate(lang, 'admin.users.reset.yes'),
        back: `/admin/users/${p.id}`,
      });
      if (!ok) return;
      const temporary = await this.users.resetPassword(p.id);
      // shown once, on this answer only: never stored in the session or the log
      res.setHeader('Cache-Control', 'no-store');
      return renderPage(res, 'admin/user-password', { u, temporary });
    }
    const form = { roles: asList(body.roles), mandate: text(body.mandate) };
    const mandate = moneyInput(form.mandate);
    try {
      const dto = await validateForm(UpdateUserDto, { roles: form.roles, mandate: mandate === '' ? null : mandate }, lang);
      if (!dto.roles?.length) throw new FormInvalid({ roles: translate(lang, 'admin.users.rolesRequired') });
      await this.users.update(p.id, dto, me.id);
    } catch (e) {
      return this.editPage(res, p.id, form, this.errorsOf(e, lang), 422);
    }
    setFlash(res.req, translate(lang, 'admin.users.updated'));
    await seeOther(res, `/admin/users/${p.id}`);
  }

  private async updateProfile(res: Response, id: string, body: Record<string, unknown>): Promise<void> {
    const lang = langOf(res);
    const profile = { displayName: text(body.displayName).trim(), email: text(body.email).trim(), organisationId: text(body.organisationId) };
    try {
      const dto = await validateForm(UserProfileDto, profile, lang);
      await this.users.updateProfile(id, dto);
    } catch (e) {
      const u = mapUser(await this.users.get(id));
      return this.editPage(res, id, { roles: u.roles, mandate: u.mandate ? u.mandate.replace('.', ',') : '' }, this.errorsOf(e, lang), 422, profile);
    }
    setFlash(res.req, translate(lang, 'admin.users.updated'));
    await seeOther(res, `/admin/users/${id}`);
  }

  private errorsOf(e: unknown, lang: Locale): FieldErrors {
    if (e instanceof FormInvalid) return e.errors;
    if (e instanceof DomainError && e.code === 'USER.EXISTS') return { email: lang === 'nl' ? 'Er bestaat al een gebruiker met dit e-mailadres' : e.message };
    if (e instanceof DomainError && (e.kind === 'invalid' || e.kind === 'not_found')) {
      const errors = fieldErrorsOf(e, lang);
      return Object.keys(errors).length ? errors : { email: e.message };
    }
    throw e;
  }

  private roleOptions(lang: Locale) {
    return ROLES.map((r) => ({ value: r, label: translate(lang, `role.${r}`) }));
  }

  private async page(res: Response, form: UserForm, errors: FieldErrors, status = 200): Promise<void> {
    const lang = langOf(res);
    const [users, organisations] = await Promise.all([this.users.list(), this.organisations.list()]);
    renderPage(res, 'admin/users', {
      users: users.map(mapUser),
      organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
      roleOptions: this.roleOptions(lang),
      form,
      errors,
    }, status);
  }

  private async editPage(
    res: Response, id: string, form: { roles: string[]; mandate: string }, errors: FieldErrors, status = 200,
    profile?: { displayName: string; email: string; organisationId: string },
  ): Promise<void> {
    const [u, organisations] = await Promise.all([this.users.get(id).then(mapUser), this.organisations.list()]);
    renderPage(res, 'admin/user', {
      u, form, errors, roleOptions: this.roleOptions(langOf(res)),
      profile: profile ?? { displayName: u.displayName, email: u.email, organisationId: u.organisation.id },
      organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    }, status);
  }
}
