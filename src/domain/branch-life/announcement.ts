import { DomainError } from '../errors.js';

/** Life cycle of an announcement (thông báo): soạn thảo → phát hành → thu hồi. */
export const ANNOUNCEMENT_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/** What a cadre who writes on the issuing unit may do with an announcement. */
export const ANNOUNCEMENT_ACTIONS = ['edit', 'publish', 'withdraw'] as const;
export type AnnouncementAction = (typeof ANNOUNCEMENT_ACTIONS)[number];

/** Shortest and longest title, longest body (plain text with line breaks). */
export const ANNOUNCEMENT_LIMITS = { titleMin: 5, titleMax: 200, bodyMax: 20_000 } as const;

/** Member statuses counted in the audience at their own branch (members temporarily elsewhere count at the host). */
export const AUDIENCE_STATUSES = ['active', 'working_away'] as const;

/** The actions open on an announcement in a status, for a cadre who may write on the issuing unit. */
export function announcementActions(status: AnnouncementStatus, writable: boolean): AnnouncementAction[] {
  if (!writable) return [];
  if (status === 'draft') return ['edit', 'publish', 'withdraw'];
  if (status === 'published') return ['withdraw'];
  return [];
}

const REFUSALS: Record<AnnouncementAction, Record<AnnouncementStatus, string | null>> = {
  edit: {
    draft: null,
    published: 'Thông báo đã phát hành nên không sửa được nữa. Nếu nội dung sai, hãy thu hồi và soạn thông báo mới.',
    withdrawn: 'Thông báo đã thu hồi nên không sửa được nữa. Hãy soạn thông báo mới.',
  },
  publish: {
    draft: null,
    published: 'Thông báo này đã được phát hành rồi.',
    withdrawn: 'Thông báo đã thu hồi nên không phát hành lại được. Hãy soạn thông báo mới.',
  },
  withdraw: {
    draft: null,
    published: null,
    withdrawn: 'Thông báo này đã được thu hồi rồi.',
  },
};

/** Refuses an action the status does not allow (a conflict: someone else already moved it on). */
export function assertAnnouncementAction(status: AnnouncementStatus, action: AnnouncementAction): void {
  const refusal = REFUSALS[action][status];
  if (refusal) throw new DomainError('conflict', refusal, { status });
}

/** The share read, in whole percent (0 when nobody is in the audience). */
export function readPercent(read: number, audience: number): number {
  if (audience <= 0) return 0;
  return Math.round((Math.min(read, audience) * 100) / audience);
}

/**
 * Normalises an announcement body: Unicode NFC, Windows and old Mac line breaks to `\n`, trailing spaces on each line
 * and blank lines at both ends removed, at most two blank lines in a row. The text stays plain (never HTML).
 */
export function normaliseBody(body: string): string {
  return body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * The unit whose subtree read tracking covers: the deeper of the unit asked for and the issuing unit when one lies
 * inside the other, else null (the unit does not receive the announcement).
 */
export function trackingRootPath(askedPath: string, issuerPath: string): string | null {
  if (isWithinPath(askedPath, issuerPath)) return askedPath;
  if (isWithinPath(issuerPath, askedPath)) return issuerPath;
  return null;
}

/** "sent" when the unit listed issued it (or a unit below it did), "received" when an ancestor did. */
export function announcementDirection(issuerPath: string, listedPath: string): 'sent' | 'received' {
  return isWithinPath(issuerPath, listedPath) ? 'sent' : 'received';
}

function isWithinPath(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

/** Keyset cursor of announcement lists: the sort time (text, full precision) and the id. */
export function encodeAnnouncementCursor(sortAt: string, id: string): string {
  return Buffer.from(`${sortAt}|${id}`, 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeAnnouncementCursor`; null when it is malformed. */
export function decodeAnnouncementCursor(cursor: string): { sortAt: string; id: string } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const at = text.lastIndexOf('|');
  if (at <= 0) return null;
  const sortAt = text.slice(0, at);
  const id = text.slice(at + 1);
  if (!/^[0-9a-f-]{36}$/.test(id) || !TIMESTAMP.test(sortAt)) return null;
  return { sortAt, id };
}
