import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { CreateSurveyBody, SurveyDetail, SurveyList } from '../../contracts/surveys.js';
import type { ScopeCase } from '../../../tests/helpers/scope-case.js';

/** The surveys the scope cases act on: a draft and an open survey of Đoàn phường Hải Châu. */
export interface SurveyFixtures {
  draft: { id: string; version: number };
  open: { id: string; version: number };
}

/** A small questionnaire with one question of each kind. */
export function sampleSurvey(unitId: string, extra: Partial<CreateSurveyBody> = {}): CreateSurveyBody {
  return {
    unitId,
    title: 'Khảo sát thử',
    anonymous: false,
    questions: [
      { text: 'Bạn thích hoạt động nào?', kind: 'single', options: ['Tình nguyện', 'Thể thao'], required: true },
      { text: 'Bạn cần hỗ trợ gì?', kind: 'multiple', options: ['Việc làm', 'Học tập', 'Nhà ở'], required: false },
      { text: 'Mức hài lòng', kind: 'scale', required: true },
      { text: 'Ý kiến khác', kind: 'text', required: false },
    ],
    ...extra,
  };
}

/** Creates (as xadoan) a draft and an open survey at HCH. */
export async function surveyScopeFixtures(t: TestApp): Promise<SurveyFixtures> {
  const cadre = await t.as('xadoan');
  const hch = await t.unitId('HCH');
  const create = async (title: string) => {
    const res = await t.call('POST', '/api/surveys', cadre, sampleSurvey(hch, { title }));
    if (res.statusCode !== 200) throw new Error(`survey fixture: ${res.statusCode} ${res.body}`);
    return res.json<SurveyDetail>();
  };
  const draft = await create('Khảo sát nháp (phạm vi)');
  const made = await create('Khảo sát đang mở (phạm vi)');
  const opened = (
    await t.call('POST', `/api/surveys/${made.id}/open`, cadre, { version: made.version })
  ).json<SurveyDetail>();
  return { draft: { id: draft.id, version: draft.version }, open: { id: opened.id, version: opened.version } };
}

/** The demo's open "tâm tư, nguyện vọng" survey of HCH. */
export async function demoOpenSurvey(t: TestApp) {
  const list = (
    await t.call('GET', `/api/surveys?unitId=${await t.unitId('HCH')}`, await t.as('xadoan'))
  ).json<SurveyList>();
  const found = list.items.find((s) => s.title.startsWith('Tâm tư, nguyện vọng') && s.status === 'open');
  if (!found) throw new Error('demo survey missing');
  return found;
}

/** One case per survey endpoint for the scope test. */
export function surveyScopeCases(r: { unitId: (code: string) => string; fx: () => SurveyFixtures }): ScopeCase[] {
  const read = (name: string, url: () => string) => ({ name, method: 'GET' as const, url, write: false });
  const draft = () => r.fx().draft;
  const open = () => r.fx().open;
  return [
    read('survey list', () => `/api/surveys?unitId=${r.unitId('HCH')}`),
    read('survey detail', () => `/api/surveys/${draft().id}`),
    read('survey results', () => `/api/surveys/${open().id}/results`),
    read('survey results xlsx', () => `/api/surveys/${open().id}/results.xlsx`),
    {
      name: 'create survey',
      method: 'POST' as const,
      url: () => '/api/surveys',
      body: () => sampleSurvey(r.unitId('TDP1')),
      write: true,
    },
    {
      name: 'edit survey',
      method: 'PATCH' as const,
      url: () => `/api/surveys/${draft().id}`,
      body: () => ({ version: draft().version, title: 'Đổi tên' }),
      write: true,
    },
    {
      name: 'open survey',
      method: 'POST' as const,
      url: () => `/api/surveys/${draft().id}/open`,
      body: () => ({ version: draft().version }),
      write: true,
    },
    {
      name: 'close survey',
      method: 'POST' as const,
      url: () => `/api/surveys/${open().id}/close`,
      body: () => ({ version: open().version }),
      write: true,
    },
    { name: 'my surveys', method: 'GET' as const, url: () => '/api/me/surveys', write: false, self: true },
    { name: 'my survey', method: 'GET' as const, url: () => `/api/me/surveys/${open().id}`, write: false, self: true },
    {
      name: 'answer survey',
      method: 'POST' as const,
      url: () => `/api/me/surveys/${open().id}/answers`,
      body: () => ({ answers: { q1: 'Tình nguyện', q3: 4 } }),
      write: true,
      self: true,
    },
  ];
}
