import type { MeResponse } from '../../../../src/contracts/auth';

/** True when the account has self-service (a member account, role "member"). */
export function hasSelfService(me: MeResponse): boolean {
  return me.actions.includes('self.read');
}

/** True when the account is only a member account: it sees its own record, not the organisation. */
export function isMemberOnly(me: MeResponse): boolean {
  return hasSelfService(me) && !me.actions.includes('unit.read');
}
