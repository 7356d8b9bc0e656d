import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  answerSurveyBody,
  createSurveyBody,
  mySurveyDetail,
  mySurveyList,
  patchSurveyBody,
  surveyDetail,
  surveyList,
  surveyResults as surveyResultsDto,
  surveyResultsQuery,
  surveysQuery,
  surveyVersionBody,
} from '../../contracts/surveys.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import type { App, AppDeps } from '../../http/types.js';
import { answerSurvey, mySurvey, mySurveys } from './surveys.member.js';
import { getSurvey, listSurveys } from './surveys.read.js';
import { surveyResults } from './surveys.results.js';
import { closeSurvey, createSurvey, openSurvey, patchSurvey } from './surveys.service.js';
import { surveyResultsXlsx } from './surveys.xlsx.js';

const params = z.object({ id });
const tags = ['surveys'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Surveys of members’ thoughts and wishes, answered in the app, results by branch. */
export async function surveyRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const detail = { 200: surveyDetail, ...errorResponses };

  app.get(
    '/api/surveys',
    {
      schema: {
        tags,
        summary: 'Khảo sát của đơn vị và cấp dưới, cùng khảo sát cấp trên gửi xuống',
        querystring: surveysQuery,
        response: { 200: surveyList, ...errorResponses },
      },
    },
    async (request) => listSurveys(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/surveys',
    { schema: { tags, summary: 'Tạo khảo sát (bản nháp)', body: createSurveyBody, response: detail } },
    async (request) => createSurvey(db, await requestContext(request, deps), request.body),
  );

  app.get(
    '/api/surveys/:id',
    { schema: { tags, summary: 'Một khảo sát', params, response: detail } },
    async (request) => getSurvey(db, await requireActor(request, deps), request.params.id),
  );

  app.patch(
    '/api/surveys/:id',
    { schema: { tags, summary: 'Sửa khảo sát (chỉ khi còn nháp)', params, body: patchSurveyBody, response: detail } },
    async (request) => patchSurvey(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/surveys/:id/open',
    {
      schema: { tags, summary: 'Mở khảo sát cho đoàn viên trả lời', params, body: surveyVersionBody, response: detail },
    },
    async (request) => openSurvey(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/surveys/:id/close',
    { schema: { tags, summary: 'Đóng khảo sát', params, body: surveyVersionBody, response: detail } },
    async (request) => closeSurvey(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Kết quả khảo sát: tỷ lệ tham gia theo chi đoàn, số lượt chọn, ý kiến',
        params,
        querystring: surveyResultsQuery,
        response: { 200: surveyResultsDto, ...errorResponses },
      },
    },
    async (request) => surveyResults(db, await requireActor(request, deps), request.params.id, request.query.unitId),
  );

  app.get(
    '/api/surveys/:id/results.xlsx',
    {
      schema: { tags, summary: 'Kết quả khảo sát (.xlsx)', params, querystring: surveyResultsQuery },
    },
    async (request, reply) => {
      const ctx = await requestContext(request, deps);
      const file = await surveyResultsXlsx(db, ctx, request.params.id, request.query.unitId);
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.stream);
    },
  );

  app.get(
    '/api/me/surveys',
    {
      schema: {
        tags,
        summary: 'Khảo sát đang mở gửi tới chi đoàn của tôi (tài khoản đoàn viên)',
        response: { 200: mySurveyList, ...errorResponses },
      },
    },
    async (request) => mySurveys(db, await requireActor(request, deps)),
  );

  app.get(
    '/api/me/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Một khảo sát gửi tới tôi',
        params,
        response: { 200: mySurveyDetail, ...errorResponses },
      },
    },
    async (request) => mySurvey(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/me/surveys/:id/answers',
    {
      schema: {
        tags,
        summary: 'Trả lời khảo sát (một lần)',
        params,
        body: answerSurveyBody,
        response: { 200: mySurveyDetail, ...errorResponses },
      },
    },
    async (request) => answerSurvey(db, await requestContext(request, deps), request.params.id, request.body),
  );
}
