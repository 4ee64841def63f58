import type { Locale } from '../common/locale';
import { formatEuro } from '../common/money';
import { hasKey, translate } from './i18n';

const MONEY = new Set(['amount', 'mandate', 'released', 'remaining']);

/**
 * A history reason in the reader's language: a coded reason (written by the system) from its code
 * and parameters, money formatted per language; text a person typed as it was typed, or a note that
 * retention erased it (a coded reason is still said from its code, without a typed comment).
 */
export function historyReason(
  h: { reason: string; reasonCode?: string | null; reasonParams?: Record<string, string> | null; reasonErasedAt?: string | null },
  lang: Locale,
): string {
  if (!h.reasonCode) return h.reasonErasedAt ? translate(lang, 'reason.erased') : h.reason;
  const p = h.reasonParams ?? {};
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) params[k] = MONEY.has(k) ? formatEuro(v, lang) : v;
  let key = `reason.${h.reasonCode}`;
  if (h.reasonCode === 'first_approval' && p.comment) key += '.comment';
  if (h.reasonCode === 'within_mandate' && p.retroactive === 'true') key += '.retro';
  if (h.reasonCode === 'paid') key += p.partial === 'true' ? (p.remaining ? '.partial' : '.partialReleased') : p.released ? '.released' : '';
  if (h.reasonCode === 'outcome') params.goal = translate(lang, `reason.goal.${p.goal}`);
  return hasKey(key) ? translate(lang, key, params) : h.reason;
}
