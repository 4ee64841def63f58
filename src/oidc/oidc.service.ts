import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig, OidcProviderConfig } from '../config/env';
import type { AuthUser } from '../auth/auth.decorators';
import type { Role } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { OidcError } from './oidc.errors';

type OpenIdClient = typeof import('openid-client');

/** What the session keeps between the redirect to the provider and its callback. */
export interface PendingOidcLogin {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string | null;
  /** epoch ms; a login not finished within PENDING_TTL_MS is refused */
  startedAt: number;
}

const PENDING_TTL_MS = 10 * 60_000;

/**
 * OpenID Connect login with openid-client (authorization code flow with PKCE, state and nonce).
 * openid-client is ESM-only and loaded with import() on first use; each provider's discovery
 * document is fetched once (and again after a failure).
 */
@Injectable()
export class OidcService {
  private readonly log = new Logger('oidc');
  private lib?: Promise<OpenIdClient>;
  private readonly configurations = new Map<string, Promise<Configuration>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  get providers(): readonly OidcProviderConfig[] {
    return this.config.oidcProviders;
  }

  provider(id: string): OidcProviderConfig {
    const p = this.config.oidcProviders.find((x) => x.id === id);
    if (!p) throw new OidcError('UNKNOWN_PROVIDER', `there is no identity provider "${id}"`);
    return p;
  }

  redirectUri(p: OidcProviderConfig): string {
    return `${this.config.publicUrl}/login/oidc/${p.id}/callback`;
  }

  /** The provider's authorization URL, and what the session must keep for the callback. */
  async start(providerId: string, next: string | null): Promise<{ url: string; pending: PendingOidcLogin }> {
    const p = this.provider(providerId);
    const client = await this.client();
    const configuration = await this.configuration(p);
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending: PendingOidcLogin = { providerId: p.id, state: client.randomState(), nonce: client.randomNonce(), codeVerifier, next, startedAt: Date.now() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(p),
      scope: p.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /**
   * The callback: state first (so a code with a foreign state is never redeemed), then the code is
   * exchanged with the PKCE verifier, the ID token validated (issuer, audience, nonce, signature)
   * and the user found, linked or provisioned.
   */
  async finish(providerId: string, pending: PendingOidcLogin | undefined, callbackUrl: URL): Promise<AuthUser> {
    const p = this.provider(providerId);
    const state = callbackUrl.searchParams.get('state');
    if (!pending || pending.providerId !== p.id || !state || state !== pending.state || Date.now() - pending.startedAt > PENDING_TTL_MS) {
      throw new OidcError('STATE_MISMATCH', 'the login answer does not belong to a login started in this browser (state missing, wrong or expired)');
    }
    const iss = callbackUrl.searchParams.get('iss');
    if (iss !== null && iss !== p.issuer) throw new OidcError('ISSUER_MISMATCH', `the login answer comes from an unknown issuer (${iss.slice(0, 200)})`);
    const error = callbackUrl.searchParams.get('error');
    if (error) throw providerError(error, callbackUrl.searchParams.get('error_description'));
    const client = await this.client();
    const configuration = await this.configuration(p);
    const current = new URL(this.redirectUri(p));
    current.search = callbackUrl.search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      const subject = String(claims.sub);
      if (claims[p.claims.email] === undefined && configuration.serverMetadata().userinfo_endpoint) {
        // providers that keep the ID token small (oidc-provider by default) give the e-mail through userinfo
        const info = (await client.fetchUserInfo(configuration, tokens.access_token, subject)) as Record<string, unknown>;
        claims = { ...info, ...claims };
      }
    } catch (e) {
      throw this.refusal(e);
    }
    return this.users.ssoSignIn({
      providerId: p.id,
      issuer: p.issuer,
      subject: String(claims[p.claims.subject] ?? claims.sub),
      email: typeof claims[p.claims.email] === 'string' ? (claims[p.claims.email] as string).trim().toLowerCase() || null : null,
      emailVerified: emailVerified(claims.email_verified, p.trustEmail),
      name: typeof claims[p.claims.name] === 'string' ? (claims[p.claims.name] as string) : null,
      organisationRef: p.organisation,
      roles: grantedRoles(p, claims),
    });
  }

  private refusal(e: unknown): OidcError {
    if (e instanceof OidcError) return e;
    const err = e as { name?: string; code?: string; error?: string; message?: string; cause?: unknown };
    const message = String(err.message ?? e);
    if (err.error === 'invalid_grant') return new OidcError('CODE_REJECTED', 'the identity provider did not accept the login code: it was used before, has expired or belongs to another login');
    // openid-client wraps a failed request ("something went wrong"); the network error is in its causes
    const network = networkFailure(e);
    if (network) return new OidcError('PROVIDER_UNREACHABLE', `the identity provider cannot be reached: ${network}`);
    if (/"iss"|issuer/i.test(message)) return new OidcError('ISSUER_MISMATCH', `the login answer comes from an unknown issuer: ${message}`);
    if (err.name === 'AuthorizationResponseError') return new OidcError('PROVIDER_ERROR', `the identity provider refused: ${err.error ?? message}`);
    this.log.warn(`OIDC login refused: ${message}`);
    return new OidcError('PROVIDER_ERROR', `the login answer is not valid: ${message}`);
  }

  private client(): Promise<OpenIdClient> {
    this.lib ??= import('openid-client');
    return this.lib;
  }

  private configuration(p: OidcProviderConfig): Promise<Configuration> {
    let found = this.configurations.get(p.id);
    if (!found) {
      found = this.client().then((client) =>
        client.discovery(new URL(p.issuer), p.clientId, p.clientSecret ?? undefined, p.clientSecret ? undefined : client.None(), {
          // http:// is accepted only for a loopback issuer (checked in env.ts), e.g. a test provider
          execute: p.issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
          timeout: 10,
        }),
      );
      this.configurations.set(p.id, found);
      found.catch(() => this.configurations.delete(p.id));
    }
    return found.catch((e: unknown) => {
      throw new OidcError('PROVIDER_UNREACHABLE', `the identity provider ${p.issuer} cannot be reached: ${String((e as Error).message ?? e)}`);
    });
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** The network failure somewhere in an error's cause chain (fetch's "fetch failed", a refused connection, a timeout), or null. */
function networkFailure(e: unknown): string | null {
  type Cause = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  const said: string[] = [];
  let found = false;
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    const c = cur as Cause;
    const message = typeof c.message === 'string' ? c.message : '';
    if (message) said.push(message);
    if ((typeof c.code === 'string' && NETWORK_CODES.has(c.code)) || c.name === 'TimeoutError' || c.name === 'AbortError' || /fetch failed|ECONNREFUSED|ENOTFOUND|timed? ?out/i.test(message)) {
      found = true;
    }
    cur = c.cause;
  }
  return found ? said.join(': ') : null;
}

/**
 * An error the provider sent back instead of a code (RFC 6749 4.1.2.1, OIDC Core 3.1.2.6):
 * access_denied (the user cancelled, or the provider's policy refused them) has its own message;
 * temporarily_unavailable means the provider is down for now; anything else is a provider error.
 * The description is the provider's and is only logged, never shown.
 */
function providerError(error: string, description: string | null): OidcError {
  const said = `${error.slice(0, 100)}${description ? ` (${description.slice(0, 200)})` : ''}`;
  if (error === 'access_denied') return new OidcError('ACCESS_DENIED', `the identity provider denied the login: ${said}`);
  if (error === 'temporarily_unavailable') return new OidcError('PROVIDER_UNREACHABLE', `the identity provider is temporarily unavailable: ${said}`);
  return new OidcError('PROVIDER_ERROR', `the identity provider refused: ${said}`);
}

/** email_verified as a boolean (some providers send the string "true"); absent counts only with trustEmail. */
function emailVerified(v: unknown, trustEmail: boolean): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return trustEmail;
}

/** The roles the provider asserts in its rolesClaim, limited to what it may grant. */
function grantedRoles(p: OidcProviderConfig, claims: Record<string, unknown>): Role[] {
  if (!p.rolesClaim || p.allowedRoles.length === 0) return [];
  const raw = claims[p.rolesClaim];
  const asserted = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  return p.allowedRoles.filter((r) => asserted.includes(r));
}
