import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { AnnouncementReads, announcementReadsQuery, ReadGroup } from '../../contracts/announcements.js';
import { inScope } from '../../domain/auth/permissions.js';
import { readPercent, trackingRootPath } from '../../domain/branch-life/announcement.js';
import { fail } from '../../domain/errors.js';
import { idsOnPath, isWithin } from '../../domain/org/unit-path.js';
import * as q from './announcements.queries.js';

/**
 * The unit read tracking looks at: the unit asked for (in read scope) or the issuing unit, whichever is deeper;
 * without one, the issuing unit when it is in scope, else the actor's own unit below it.
 */
async function trackedUnit(
  db: DbOrTx,
  scope: readonly string[],
  issuer: { id: string; path: string },
  unitId: string | undefined,
): Promise<q.UnitRef> {
  if (unitId) {
    const asked = await q.unitInScope(db, scope, unitId);
    if (!asked) throw fail.notFound('đơn vị');
    const root = trackingRootPath(asked.path, issuer.path);
    if (!root) throw fail.rule('Đơn vị này không nhận thông báo: hãy chọn đơn vị thuộc đơn vị ban hành.', 'unitId');
    if (root === asked.path) return asked;
    return (await q.unitInScope(db, [root], issuer.id)) ?? asked;
  }
  const own = inScope(scope, issuer.path) ? issuer.path : scope.find((p) => isWithin(p, issuer.path));
  const ownId = own ? idsOnPath(own).at(-1) : undefined;
  const unit = ownId ? await q.unitInScope(db, scope, ownId) : null;
  if (!unit) throw fail.notFound('thông báo');
  return unit;
}

/** The units from the issuing one down to the tracked one (excluded) that the actor may read, to go back up. */
async function trailTo(db: DbOrTx, scope: readonly string[], issuerPath: string, unit: q.UnitRef) {
  const ids = idsOnPath(unit.path);
  const depth = idsOnPath(issuerPath).length;
  const above = ids.slice(depth - 1, -1);
  const found = await q.unitsByIds(db, above);
  return above
    .map((id) => found.find((u) => u.id === id))
    .filter((u): u is q.UnitRef => Boolean(u) && inScope(scope, u!.path))
    .map((u) => ({ id: u.id, name: u.name }));
}

/**
 * Read tracking of an announcement for a unit: per unit directly below it, or per member for a branch. Only the
 * actor's read scope is counted, so a ward cadre sees their own subtree's figures for a province's announcement.
 */
export async function getAnnouncementReads(
  db: DbOrTx,
  actor: Actor,
  announcementId: string,
  query: z.output<typeof announcementReadsQuery>,
): Promise<AnnouncementReads> {
  const scope = scopeOf(actor, 'member.read');
  const announcement = await q.visibleAnnouncement(db, scope, announcementId);
  if (!announcement) throw fail.notFound('thông báo');
  const issuer = { id: announcement.unitId, path: announcement.issuerPath };
  const unit = await trackedUnit(db, scope, issuer, query.unitId);
  const [children, trail] = await Promise.all([q.childUnits(db, unit.path), trailTo(db, scope, issuer.path, unit)]);
  const base = { announcementId, unit: { id: unit.id, name: unit.name }, trail };
  if (children.length === 0) {
    const members = await q.readsByMember(db, scope, announcementId, unit.path);
    const read = members.filter((m) => m.readAt).length;
    return {
      ...base,
      mode: 'members',
      audience: members.length,
      read,
      percent: readPercent(read, members.length),
      groups: [],
      members,
    };
  }
  const counts = await q.readsByGroup(db, scope, announcementId, unit.path);
  const groups: ReadGroup[] = [unit, ...children]
    .map((u) => {
      const c = counts.find((k) => k.groupPath === u.path);
      const audience = c?.audience ?? 0;
      const read = c?.read ?? 0;
      return { unitId: u.id, unitName: u.name, audience, read, percent: readPercent(read, audience) };
    })
    .filter((g) => g.unitId !== unit.id || g.audience > 0);
  const audience = groups.reduce((n, g) => n + g.audience, 0);
  const read = groups.reduce((n, g) => n + g.read, 0);
  return { ...base, mode: 'groups', audience, read, percent: readPercent(read, audience), groups, members: [] };
}
