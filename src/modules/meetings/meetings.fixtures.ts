import { eq } from 'drizzle-orm';
import { user } from '../../db/schema/index.js';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { MeetingDetail } from '../../contracts/meetings.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { multipartFile, PNG } from '../self-service/self-service.fixtures.js';
import type { ScopeCase, ScopeMethod } from '../../../tests/helpers/scope-case.js';

/** What the meeting scope cases act on: a TDP1 meeting held today with an attachment, and xadoan's id. */
export interface MeetingFixtures {
  meeting: { id: string; version: number };
  attachmentId: string;
  xadoanId: string;
}

/** Adds a meeting to a branch as `cookie`; throws unless it worked. */
export async function addMeeting(
  t: TestApp,
  cookie: string,
  unitCode: string,
  extra: Record<string, unknown> = {},
): Promise<MeetingDetail> {
  const today = todayInVietnam();
  const res = await t.call('POST', '/api/meetings', cookie, {
    unitId: await t.unitId(unitCode),
    period: today.slice(0, 7),
    plannedOn: today,
    topic: 'Buổi sinh hoạt thử',
    ...extra,
  });
  if (res.statusCode !== 200) throw new Error(`meeting failed: ${res.statusCode} ${res.body}`);
  return res.json<MeetingDetail>();
}

/** The id of an account by its username. */
export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const [row] = await t.database.db.select({ id: user.id }).from(user).where(eq(user.username, username));
  if (!row) throw new Error(`no account ${username}`);
  return row.id;
}

/** Uploads a file to a meeting. */
export function uploadTo(t: TestApp, meetingId: string, cookie: string, bytes: Buffer, name: string, type: string) {
  const { payload, headers } = multipartFile(bytes, name, type);
  return t.app.inject({
    method: 'POST',
    url: `/api/meetings/${meetingId}/attachments`,
    payload,
    headers: { ...headers, cookie },
  });
}

/** Creates, as xadoan, a TDP1 meeting recorded as held today with one photo attached. */
export async function meetingScopeFixtures(t: TestApp): Promise<MeetingFixtures> {
  const xadoan = await t.as('xadoan');
  const created = await addMeeting(t, xadoan, 'TDP1');
  const held = await t.call('PATCH', `/api/meetings/${created.id}`, xadoan, {
    version: created.version,
    heldOn: todayInVietnam(),
  });
  const meeting = held.json<MeetingDetail>();
  const files = await uploadTo(t, meeting.id, xadoan, PNG, 'anh.png', 'image/png');
  const attachmentId = files.json<{ id: string }[]>()[0]!.id;
  return { meeting: { id: meeting.id, version: meeting.version }, attachmentId, xadoanId: await userIdOf(t, 'xadoan') };
}

/** One case per meetings endpoint, for the scope test (outsider, viewer, member account, no session). */
export function meetingScopeCases(r: { unitId: (code: string) => string; fx: () => MeetingFixtures }): ScopeCase[] {
  const m = () => r.fx().meeting;
  const url =
    (tail = '') =>
    () =>
      `/api/meetings/${m().id}${tail}`;
  const year = Number(todayInVietnam().slice(0, 4));
  const read = (name: string, to: () => string) => ({ name, method: 'GET' as ScopeMethod, url: to, write: false });
  const write = (name: string, method: ScopeMethod, to: () => string, body?: () => unknown) => ({
    name,
    method,
    url: to,
    ...(body ? { body } : {}),
    write: true,
  });
  return [
    read('meetings of a unit', () => `/api/meetings?unitId=${r.unitId('HCH')}&year=${year}`),
    read('meetings of a branch', () => `/api/meetings?unitId=${r.unitId('TDP1')}&year=${year}`),
    read('meeting detail', url()),
    read('meeting attendance', url('/attendance')),
    read('invitable cadres', url('/invitable')),
    read('meeting attachment', () => `/api/meetings/${m().id}/attachments/${r.fx().attachmentId}`),
    write(
      'plan a year',
      'POST',
      () => `/api/units/${r.unitId('TDP1')}/meeting-plan`,
      () => ({ year: year + 1 }),
    ),
    write(
      'add a meeting',
      'POST',
      () => '/api/meetings',
      () => ({
        unitId: r.unitId('TDP1'),
        period: `${year}-12`,
      }),
    ),
    write('record a meeting', 'PATCH', url(), () => ({ version: m().version, topic: 'Đổi chủ đề' })),
    write('cancel a meeting', 'POST', url('/cancel'), () => ({ version: m().version, reason: 'Mưa bão' })),
    write('record attendance', 'PUT', url('/attendance'), () => ({
      version: m().version,
      items: [{ memberId: m().id, status: 'present' }],
    })),
    write('check-in code', 'POST', url('/check-in-code')),
    write('attach a file', 'POST', url('/attachments'), () => ({ file: 'x' })),
    write('delete an attachment', 'DELETE', () => `/api/meetings/${m().id}/attachments/${r.fx().attachmentId}`),
    write('invite a cadre', 'POST', url('/invitations'), () => ({ userId: r.fx().xadoanId })),
    write('withdraw an invitation', 'DELETE', () => `/api/meetings/${m().id}/invitations/${r.fx().xadoanId}`),
    {
      ...write(
        'check in by QR',
        'POST',
        () => '/api/me/check-in',
        () => ({ code: 'MT1.x.1.y' }),
      ),
      self: true,
    },
  ];
}
