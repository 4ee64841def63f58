import type { Response } from 'express';
import { renderPage } from './web-context';

export interface Confirmation {
  title: string;
  question: string;
  /** what is about to happen, shown as a definition list */
  details?: { label: string; value: string }[];
  /** where the confirmed form goes (the same action) */
  action: string;
  /** the form's fields, sent again as hidden fields */
  fields?: Record<string, string>;
  yes: string;
  back: string;
}

/**
 * Irreversible actions ask first, on a page of their own: without `confirmed=yes` the POST renders
 * a confirmation page (no JavaScript needed) whose form sends the same fields again, confirmed.
 * Returns true when the action was confirmed and may go ahead.
 */
export function confirmed(res: Response, body: Record<string, unknown>, c: Confirmation): boolean {
  if (body.confirmed === 'yes') return true;
  renderPage(res, 'confirm', { c, fields: Object.entries(c.fields ?? {}).map(([name, value]) => ({ name, value })) });
  return false;
}
