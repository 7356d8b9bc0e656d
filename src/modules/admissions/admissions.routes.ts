import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  admissionListQuery,
  admissionPage,
  admitBatchBody,
  admitBody,
  approveBatchBody,
  approveBody,
  batchResult,
  candidateDetail,
  closeCandidateBody,
  createCandidateBody,
  recruitmentCredit,
  recruitmentQuery,
  updateCandidateBody,
  voteBody,
} from '../../contracts/admissions.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { fail } from '../../domain/errors.js';
import {
  closeCandidate,
  createCandidate,
  getCandidate,
  listCandidates,
  updateCandidate,
  voteOnCandidate,
} from './admissions.service.js';
import { approveBatch, approveCandidate } from './admissions.approve.js';
import { admitBatch, admitCandidate } from './admissions.admit.js';
import { getRecruitmentCredit } from './admissions.credit.js';

const params = z.object({ id });
const tags = ['admissions'];
const detail = { 200: candidateDetail, ...errorResponses };
const batch = { 200: batchResult, ...errorResponses };

/** Admission (kết nạp đoàn viên): candidates, the branch vote, approval, ceremony, batches and "1+1". */
export async function admissionRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/admissions',
    {
      schema: {
        tags,
        summary: 'Danh sách người được đề nghị kết nạp của một đơn vị (cả cấp dưới)',
        querystring: admissionListQuery,
        response: { 200: admissionPage, ...errorResponses },
      },
    },
    async (request) => listCandidates(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/admissions',
    { schema: { tags, summary: 'Đề nghị kết nạp (chi đoàn)', body: createCandidateBody, response: detail } },
    async (request) => createCandidate(db, await requestContext(request, deps), request.body),
  );

  app.get(
    '/api/admissions/recruitment',
    {
      schema: {
        tags,
        summary: '“1+1”: số người được kết nạp theo đoàn viên giới thiệu',
        querystring: recruitmentQuery,
        response: { 200: recruitmentCredit, ...errorResponses },
      },
    },
    async (request) => getRecruitmentCredit(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/admissions/approve-batch',
    {
      schema: {
        tags,
        summary: 'Chuẩn y kết nạp nhiều người trong một quyết định',
        body: approveBatchBody,
        response: batch,
      },
    },
    async (request) => approveBatch(db, await requestContext(request, deps), request.body),
  );

  app.post(
    '/api/admissions/admit-batch',
    { schema: { tags, summary: 'Lễ kết nạp cho nhiều người', body: admitBatchBody, response: batch } },
    async (request) => admitBatch(db, await requestContext(request, deps), request.body),
  );

  app.get(
    '/api/admissions/:id',
    { schema: { tags, summary: 'Hồ sơ đề nghị kết nạp', params, response: detail } },
    async (request) => getCandidate(db, await requireActor(request, deps), request.params.id),
  );

  app.patch(
    '/api/admissions/:id',
    { schema: { tags, summary: 'Sửa hồ sơ đề nghị kết nạp', params, body: updateCandidateBody, response: detail } },
    async (request) => {
      if (Object.keys(request.body).length === 1) throw fail.invalid('version', 'Không có thông tin nào để sửa.');
      return updateCandidate(db, await requestContext(request, deps), request.params.id, request.body);
    },
  );

  app.post(
    '/api/admissions/:id/vote',
    { schema: { tags, summary: 'Ghi kết quả biểu quyết của chi đoàn', params, body: voteBody, response: detail } },
    async (request) => voteOnCandidate(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/admissions/:id/approve',
    { schema: { tags, summary: 'Chuẩn y kết nạp (ra quyết định)', params, body: approveBody, response: detail } },
    async (request) => approveCandidate(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/admissions/:id/admit',
    { schema: { tags, summary: 'Ghi nhận lễ kết nạp', params, body: admitBody, response: detail } },
    async (request) => admitCandidate(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/admissions/:id/reject',
    { schema: { tags, summary: 'Không kết nạp (có lý do)', params, body: closeCandidateBody, response: detail } },
    async (request) =>
      closeCandidate(db, await requestContext(request, deps), request.params.id, 'reject', request.body),
  );

  app.post(
    '/api/admissions/:id/withdraw',
    { schema: { tags, summary: 'Rút hồ sơ (có lý do)', params, body: closeCandidateBody, response: detail } },
    async (request) =>
      closeCandidate(db, await requestContext(request, deps), request.params.id, 'withdraw', request.body),
  );
}
