import type { DbOrTx } from '../../db/client.js';
import { memberEvents } from '../../db/schema/index.js';
import type { MemberRow } from './members.queries.js';

type Tracked = Partial<
  Pick<
    MemberRow,
    | 'unitId'
    | 'status'
    | 'position'
    | 'cardNumber'
    | 'cardIssuedOn'
    | 'fullName'
    | 'birthDate'
    | 'cccd'
    | 'gender'
    | 'awayPlace'
    | 'awaySince'
  >
>;

const GROUPS: { kind: string; fields: (keyof Tracked)[] }[] = [
  { kind: 'branch_change', fields: ['unitId'] },
  { kind: 'status_change', fields: ['status', 'awayPlace', 'awaySince'] },
  { kind: 'position_change', fields: ['position'] },
  { kind: 'card_change', fields: ['cardNumber', 'cardIssuedOn'] },
  { kind: 'identity_change', fields: ['fullName', 'birthDate', 'cccd', 'gender'] },
];

/** The dated history events a change of record produces: branch, status, position, card and identity. */
export function eventsForChange(
  before: MemberRow,
  after: MemberRow,
): { kind: string; before: Tracked; after: Tracked }[] {
  const out: { kind: string; before: Tracked; after: Tracked }[] = [];
  for (const group of GROUPS) {
    const changed = group.fields.filter((f) => before[f] !== after[f]);
    if (changed.length === 0) continue;
    const pick = (m: MemberRow) => Object.fromEntries(changed.map((f) => [f, m[f]])) as Tracked;
    out.push({ kind: group.kind, before: pick(before), after: pick(after) });
  }
  return out;
}

/** Writes history events for a member. */
export async function recordEvents(
  tx: DbOrTx,
  member: MemberRow,
  events: { kind: string; before?: unknown; after?: unknown; note?: string | null }[],
  onDate: string,
  actorId: string | null,
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(memberEvents).values(
    events.map((e) => ({
      memberId: member.id,
      unitId: member.unitId,
      kind: e.kind,
      onDate,
      before: e.before ?? null,
      after: e.after ?? null,
      note: e.note ?? null,
      actorId,
    })),
  );
}
