import type { DbOrTx } from '../db/client.js';
import { memberAccounts, memberEvents, members } from '../db/schema/index.js';
import { foldVietnamese, givenName, nameSortKey } from '../domain/text/vietnamese.js';
import type { DemoMemberRecord } from './demo-accounts.js';

/** Creates the member record of a demo member account in its branch and links the account to it. */
export async function linkDemoMember(
  tx: DbOrTx,
  userId: string,
  fullName: string,
  branch: { id: string; provinceId: string | null },
  record: DemoMemberRecord,
): Promise<void> {
  const [member] = await tx
    .insert(members)
    .values({
      ...record,
      unitId: branch.id,
      provinceId: branch.provinceId,
      fullName,
      givenName: givenName(fullName),
      searchName: foldVietnamese(fullName),
      sortKey: nameSortKey(fullName),
      cardIssuedOn: record.joinedOn,
      status: 'active',
    })
    .returning({ id: members.id });
  if (!member) throw new Error('demo member insert returned no row');
  await tx.insert(memberEvents).values({
    memberId: member.id,
    unitId: branch.id,
    kind: 'registered',
    onDate: record.joinedOn,
    after: { unitId: branch.id, status: 'active' },
  });
  await tx.insert(memberAccounts).values({ userId, memberId: member.id });
}
