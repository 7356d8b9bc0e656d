import type { DbOrTx } from '../../db/client.js';
import type { MemberAccountSummary } from '../../contracts/members.js';
import { accountOfMember, hasPhoto } from './self-service.queries.js';
import { toAccountSummary } from './self-service.presenter.js';

/** What the member record shows of self-service: the member's account and whether a photo exists. */
export async function selfServiceSummary(
  db: DbOrTx,
  memberId: string,
): Promise<{ account: MemberAccountSummary | null; hasPhoto: boolean }> {
  const [account, photo] = await Promise.all([accountOfMember(db, memberId), hasPhoto(db, memberId)]);
  return { account: toAccountSummary(account), hasPhoto: photo };
}
