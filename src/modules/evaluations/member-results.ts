import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { formatDateVi } from '../../domain/text/dates.js';
import type { Ctx } from './evaluation.persist.js';

interface AcceptedMember {
  member_id: string | null;
  unit_id: string;
  class_key: string;
}

/**
 * Writes accepted member ratings into the member book: a "rated" event in the member's history and a line in the
 * yearly comment (nhận xét) of the cycle's year, added to what the branch already wrote, never replacing it.
 */
export async function writeMemberRatings(
  tx: DbOrTx,
  ctx: Ctx,
  cycle: { id: string; year: number },
  accepted: readonly AcceptedMember[],
  label: (key: string) => string,
  decidedOn: string,
): Promise<void> {
  const payload = accepted
    .filter((a) => a.member_id !== null)
    .map((a) => ({
      member_id: a.member_id,
      unit_id: a.unit_id,
      class_key: a.class_key,
      line: `Xếp loại đoàn viên năm ${cycle.year}: ${label(a.class_key)} (quyết định ngày ${formatDateVi(decidedOn)}).`,
    }));
  if (payload.length === 0) return;
  const json = JSON.stringify(payload);
  await tx.execute(
    sql`insert into member_events (member_id, unit_id, kind, on_date, after, actor_id)
      select p.member_id, p.unit_id, 'rated', ${decidedOn}::date,
        jsonb_build_object('year', ${cycle.year}::int, 'classKey', p.class_key, 'cycleId', ${cycle.id}::text), ${ctx.actor.userId}
      from jsonb_to_recordset(${json}::jsonb) as p(member_id uuid, unit_id uuid, class_key text, line text)`,
  );
  await tx.execute(
    sql`insert into member_comments (member_id, year, content, author_id)
      select p.member_id, ${cycle.year}::int, p.line, ${ctx.actor.userId}
      from jsonb_to_recordset(${json}::jsonb) as p(member_id uuid, unit_id uuid, class_key text, line text)
      on conflict (member_id, year) do update
        set content = member_comments.content || E'\n' || excluded.content, updated_at = now()`,
  );
}
