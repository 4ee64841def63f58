import { DomainError, DomainErrorKind } from '../common/domain-error';

/** Why a single sign-on was refused; each code has a Dutch and English text (oidc.error.<code> in i18n). */
export const OIDC_REFUSALS = {
  UNKNOWN_PROVIDER: 'not_found',
  STATE_MISMATCH: 'invalid',
  CODE_REJECTED: 'invalid',
  ISSUER_MISMATCH: 'invalid',
  PROVIDER_ERROR: 'invalid',
  ACCESS_DENIED: 'forbidden',
  PROVIDER_UNREACHABLE: 'unavailable',
  EMAIL_UNVERIFIED: 'forbidden',
  NO_EMAIL: 'forbidden',
  NO_ACCOUNT: 'forbidden',
  DEACTIVATED: 'forbidden',
  LINKED_ELSEWHERE: 'forbidden',
} as const satisfies Record<string, DomainErrorKind>;

export type OidcRefusal = keyof typeof OIDC_REFUSALS;

export class OidcError extends DomainError {
  constructor(
    readonly refusal: OidcRefusal,
    message: string,
  ) {
    super(OIDC_REFUSALS[refusal], `OIDC.${refusal}`, message);
  }
}

/** HTTP status of a refusal, for the login page it is shown on. */
export function refusalStatus(refusal: OidcRefusal): number {
  return { not_found: 404, invalid: 400, forbidden: 403, unavailable: 503 }[OIDC_REFUSALS[refusal]];
}
