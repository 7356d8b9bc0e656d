import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { AnnouncementDetail } from '../../contracts/announcements.js';
import type { ScopeCase } from '../../../tests/helpers/scope-case.js';

/** Announcements the scope cases act on: a draft and a published one of Đoàn phường Hải Châu. */
export interface AnnouncementFixtures {
  draft: { id: string; version: number };
  published: { id: string; version: number };
}

/** Drafts an announcement of a unit as `cookie`; throws when refused. */
export async function draftAnnouncement(
  t: TestApp,
  cookie: string,
  unitCode: string,
  title = 'Phổ biến nghị quyết mới của Đoàn',
  body = 'Nội dung thông báo.\nDòng thứ hai.',
): Promise<AnnouncementDetail> {
  const res = await t.call('POST', '/api/announcements', cookie, { unitId: await t.unitId(unitCode), title, body });
  if (res.statusCode !== 200) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return res.json<AnnouncementDetail>();
}

/** Drafts and publishes an announcement of a unit as `cookie`. */
export async function publishedAnnouncement(
  t: TestApp,
  cookie: string,
  unitCode: string,
  title?: string,
): Promise<AnnouncementDetail> {
  const draft = await draftAnnouncement(t, cookie, unitCode, title);
  const res = await t.call('POST', `/api/announcements/${draft.id}/publish`, cookie, { version: draft.version });
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json<AnnouncementDetail>();
}

/** Creates, as xadoan, a draft and a published announcement of Đoàn phường Hải Châu. */
export async function announcementScopeFixtures(t: TestApp): Promise<AnnouncementFixtures> {
  const xadoan = await t.as('xadoan');
  const draft = await draftAnnouncement(t, xadoan, 'HCH', 'Dự thảo thông báo của phường');
  const published = await publishedAnnouncement(t, xadoan, 'HCH', 'Thông báo đã phát hành của phường');
  return {
    draft: { id: draft.id, version: draft.version },
    published: { id: published.id, version: published.version },
  };
}

/** One case per announcement endpoint, for the scope test. */
export function announcementScopeCases(r: {
  unitId: (code: string) => string;
  fx: () => AnnouncementFixtures;
}): ScopeCase[] {
  const draft = () => r.fx().draft;
  const published = () => r.fx().published;
  const read = (name: string, url: () => string) => ({ name, method: 'GET' as const, url, write: false });
  const post = (name: string, url: () => string, body: () => unknown) => ({
    name,
    method: 'POST' as const,
    url,
    body,
    write: true,
  });
  return [
    read('announcement list', () => `/api/announcements?unitId=${r.unitId('HCH')}`),
    read('announcement', () => `/api/announcements/${published().id}`),
    read('announcement reads', () => `/api/announcements/${published().id}/reads?unitId=${r.unitId('HCH')}`),
    post(
      'draft an announcement',
      () => '/api/announcements',
      () => ({ unitId: r.unitId('TDP1'), title: 'Thông báo không được phép', body: 'x' }),
    ),
    {
      name: 'edit an announcement',
      method: 'PATCH' as const,
      url: () => `/api/announcements/${draft().id}`,
      body: () => ({ version: draft().version, title: 'Sửa không được phép', body: 'x' }),
      write: true,
    },
    post(
      'publish an announcement',
      () => `/api/announcements/${draft().id}/publish`,
      () => ({ version: draft().version }),
    ),
    post(
      'withdraw an announcement',
      () => `/api/announcements/${published().id}/withdraw`,
      () => ({ version: published().version, reason: 'x' }),
    ),
    { ...read('my announcements', () => '/api/me/announcements'), self: true },
    { ...read('my announcement', () => `/api/me/announcements/${published().id}`), self: true },
    {
      ...post(
        'mark an announcement read',
        () => `/api/me/announcements/${published().id}/read`,
        () => undefined,
      ),
      self: true,
    },
  ];
}
