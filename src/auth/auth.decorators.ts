import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type Decimal from 'decimal.js';
import { DomainError } from '../common/domain-error';
import type { Role } from '../users/user.entity';

/** The logged-in user as every service sees it. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  roles: Role[];
  /** personal mandate, or null → the fund's requesterMandate */
  mandate: Decimal | null;
  /** the user's token version when this identity was loaded (see users.token_version) */
  tokenVersion: number;
}

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** Route needs no login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Route needs one of these roles (403 otherwise). Without @Roles any logged-in user may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
  if (!req.user) throw new DomainError('unauthorized', 'UNAUTHENTICATED', 'log in first');
  return req.user;
});

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}
