import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import type { Role } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';

type AuthedRequest = Request & { user?: AuthUser; session?: { userId?: string; tokenVersion?: number; destroy?: (cb: () => void) => void } };

/**
 * The global guard: API clients authenticate with a Bearer token, the web UI with its session
 * cookie. Routes are closed unless marked @Public(); @Roles narrows them further (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const user = await this.identify(req, !isPublic);
    if (user) req.user = user;
    if (isPublic) return true;
    if (!user) throw new DomainError('unauthorized', 'AUTH.REQUIRED', 'log in first: send Authorization: Bearer <token> (POST /api/v1/auth/token)');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (roles && !user.roles.some((r) => roles.includes(r))) {
      throw DomainError.forbidden(`this needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }

  private async identify(req: AuthedRequest, strict: boolean): Promise<AuthUser | null> {
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(.+)$/i.exec(header);
      if (!m) {
        if (strict) throw new DomainError('unauthorized', 'AUTH.BAD_HEADER', 'Authorization header must be "Bearer <token>"');
        return null;
      }
      try {
        return await this.auth.userForToken(m[1].trim());
      } catch (e) {
        if (strict) throw e;
        return null;
      }
    }
    const userId = req.session?.userId;
    // sessions from before token versions existed carry none: they belong to version 0
    if (userId) return this.users.findActive(userId, req.session?.tokenVersion ?? 0);
    return null;
  }
}
