import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { DomainError } from '../common/domain-error';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth.decorators';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Email + password → the user; a clear 401 otherwise (same message whatever was wrong). */
  async login(email: string, password: string): Promise<AuthUser> {
    if (!this.config.passwordLogin) throw DomainError.forbidden('password login is switched off (PASSWORD_LOGIN=false): log in through single sign-on');
    const user = await this.users.authenticate(email, password);
    if (!user) throw new DomainError('unauthorized', 'AUTH.INVALID_CREDENTIALS', 'email or password is incorrect, or the account is deactivated');
    return user;
  }

  async issueToken(user: AuthUser): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const expiresIn = this.config.tokenTtlMinutes * 60;
    const accessToken = await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion }, { expiresIn, algorithm: 'HS256' });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }

  /** Bearer token → active user; 401 with a reason when expired, forged or the user is gone. */
  async userForToken(token: string): Promise<AuthUser> {
    let sub: string;
    let ver: number;
    try {
      // the algorithm is pinned (no "none", no key confusion) and a token without exp is refused
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; ver?: unknown; exp?: unknown }>(token, { algorithms: ['HS256'] });
      if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string') throw new Error('token lacks exp or sub');
      sub = claims.sub;
      // tokens issued before token versions existed carry none: they belong to version 0
      ver = typeof claims.ver === 'number' ? claims.ver : 0;
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw new DomainError('unauthorized', expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID', expired ? 'the access token has expired; request a new one' : 'the access token is not valid');
    }
    const user = await this.users.findActive(sub, ver);
    if (!user) {
      throw new DomainError('unauthorized', 'AUTH.USER_INACTIVE', 'the account behind this token is deactivated or gone, or its password or roles changed since the token was issued; request a new one');
    }
    return user;
  }
}
