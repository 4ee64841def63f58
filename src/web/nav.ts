import type { AuthUser } from '../auth/auth.decorators';
import type { Role } from '../users/user.entity';

interface NavItem {
  href: string;
  label: string;
  roles: Role[];
}

const ITEMS: NavItem[] = [
  { href: '/dashboard', label: 'nav.dashboard', roles: ['professional'] },
  { href: '/cases/new', label: 'nav.newCase', roles: ['professional'] },
  { href: '/requests/retroactive', label: 'nav.retroactive', roles: ['professional'] },
  { href: '/queue', label: 'nav.queue', roles: ['budget_holder'] },
  { href: '/review', label: 'nav.review', roles: ['steering_group'] },
  { href: '/funds', label: 'nav.funds', roles: ['budget_holder', 'steering_group', 'admin'] },
  { href: '/reports', label: 'nav.reports', roles: ['steering_group', 'budget_holder', 'admin'] },
  { href: '/admin/funds', label: 'nav.adminFunds', roles: ['admin'] },
  { href: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { href: '/admin/catalogue', label: 'nav.catalogue', roles: ['admin'] },
  { href: '/admin/payments', label: 'nav.payments', roles: ['admin'] },
  { href: '/admin/payment-batches', label: 'nav.batches', roles: ['admin'] },
  { href: '/admin/bank-statements', label: 'nav.statements', roles: ['admin'] },
  { href: '/admin/ledger', label: 'nav.ledger', roles: ['admin'] },
  { href: '/admin/access-log', label: 'nav.accessLog', roles: ['admin', 'privacy_officer'] },
  { href: '/notifications', label: 'nav.notifications', roles: ['professional', 'budget_holder', 'steering_group', 'admin'] },
];

/** Role-aware main menu; `current` marks the item whose section the path is in. */
export function navFor(user: AuthUser | null, path: string): { href: string; label: string; current: boolean }[] {
  if (!user) return [];
  const items = ITEMS.filter((i) => i.roles.some((r) => user.roles.includes(r)));
  const best = items
    .filter((i) => path === i.href || path.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => ({ href: i.href, label: i.label, current: i === best }));
}

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(next: unknown): string | null {
  return typeof next === 'string' && /^\/(?!\/)[^\\]*$/.test(next) && !next.startsWith('/login') ? next : null;
}

/** Where a user lands after logging in (or on `/`). */
export function homeFor(user: AuthUser): string {
  if (user.roles.length === 0) return '/awaiting-roles';
  if (user.roles.includes('professional')) return '/dashboard';
  if (user.roles.includes('budget_holder')) return '/queue';
  if (user.roles.includes('admin')) return '/admin/funds';
  if (user.roles.includes('steering_group')) return '/reports';
  if (user.roles.includes('privacy_officer')) return '/admin/access-log';
  return '/funds';
}
