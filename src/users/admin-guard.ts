import { DomainError } from '../common/domain-error';
import type { Role } from './user.entity';

/** The state of one user before and after an update, as far as administration rights go. */
export interface AdminChange {
  targetId: string;
  actorId: string | undefined;
  wasActiveAdmin: boolean;
  staysActiveAdmin: boolean;
  /** active admins other than the target, counted while their rows are locked */
  otherActiveAdmins: number;
}

export const isActiveAdmin = (u: { active: boolean; roles: Role[] }): boolean => u.active && u.roles.includes('admin');

/**
 * Nobody can lock the administrators out: an admin cannot take away their own admin rights or
 * deactivate themself, and the last active admin cannot lose them at all (409 with the reason).
 */
export function assertAdminsRemain(c: AdminChange): void {
  if (!c.wasActiveAdmin || c.staysActiveAdmin) return;
  if (c.actorId === c.targetId) {
    throw DomainError.conflict('USER.SELF_LOCKOUT', 'you cannot deactivate yourself or remove your own admin role; ask another administrator');
  }
  if (c.otherActiveAdmins === 0) {
    throw DomainError.conflict('USER.LAST_ADMIN', 'this is the last active administrator: make another user admin first');
  }
}
