import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  acceptBody,
  acceptResult,
  boardQuery,
  comparisonQuery,
  copyCriteriaSetBody,
  criteriaSetDetail,
  criteriaSetSummary,
  cycleDetail,
  cyclesQuery,
  cycleSummary,
  dashboardQuery,
  evaluationComparison,
  evaluationDashboard,
  evaluationDetail,
  evaluationPage,
  evaluationsQuery,
  followUpBody,
  followUpCandidate,
  myEvaluationRow,
  openCycleBody,
  progressBoard,
  reasonBody,
  refreshResult,
  reopenBody,
  reviewBody,
  sampleBody,
  sampleResult,
  saveSelfBody,
  stepKey,
  updateCriteriaSetBody,
  versionBody,
} from '../../contracts/evaluations.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import type { App, AppDeps } from '../../http/types.js';
import { readAttachmentUpload } from '../meetings/meetings.attachments.js';
import { progressBoard as board, listEvaluations, viewedUnit } from './board.queries.js';
import { copyCriteriaSet, getCriteriaSet, listCriteriaSets, updateCriteriaSet } from './criteria-sets.js';
import { acceptResults, cycleResultsXlsx, drawSample, refreshCycleEvidence } from './cycle-actions.js';
import { getCycle, listCycles, loadCycle, openCycle } from './cycles.service.js';
import { evaluationComparison as comparison, evaluationDashboard as dashboard } from './dashboard.queries.js';
import { addEvaluationFile, evaluationFile, myEvaluations, refreshEvidence } from './evaluation.files.js';
import { getEvaluation } from './evaluation.read.js';
import { followUpCandidates } from './follow-up.js';
import {
  approveStep,
  assignFollowUp,
  reopenEvaluation,
  returnEvaluation,
  review,
  saveSelf,
  submitStep,
} from './evaluation.service.js';

const tags = ['evaluations'];
const params = z.object({ id });
const fileParams = z.object({ id, fileId: id });
const detail = { 200: evaluationDetail, ...errorResponses };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Evaluations: criteria sets, cycles with their progress board, each subject's file and its steps, dashboards. */
export async function evaluationRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const base = '/api/evaluations';

  app.get(
    `${base}/criteria-sets`,
    { schema: { tags, summary: 'Các bộ tiêu chí', response: { 200: z.array(criteriaSetSummary), ...errorResponses } } },
    async (request) => listCriteriaSets(db, await requireActor(request, deps)),
  );
  app.get(
    `${base}/criteria-sets/:id`,
    { schema: { tags, summary: 'Một bộ tiêu chí', params, response: { 200: criteriaSetDetail, ...errorResponses } } },
    async (request) => getCriteriaSet(db, await requireActor(request, deps), request.params.id),
  );
  app.put(
    `${base}/criteria-sets/:id`,
    {
      schema: {
        tags,
        summary: 'Sửa bộ tiêu chí (khi chưa dùng cho đợt đánh giá nào)',
        params,
        body: updateCriteriaSetBody,
        response: { 200: criteriaSetDetail, ...errorResponses },
      },
    },
    async (request) => updateCriteriaSet(db, await requestContext(request, deps), request.params.id, request.body),
  );
  app.post(
    `${base}/criteria-sets/:id/copy`,
    {
      schema: {
        tags,
        summary: 'Sao chép bộ tiêu chí sang giai đoạn mới',
        params,
        body: copyCriteriaSetBody,
        response: { 200: criteriaSetDetail, ...errorResponses },
      },
    },
    async (request) => copyCriteriaSet(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    `${base}/cycles`,
    {
      schema: {
        tags,
        summary: 'Các đợt đánh giá',
        querystring: cyclesQuery,
        response: { 200: z.array(cycleSummary), ...errorResponses },
      },
    },
    async (request) => listCycles(db, await requireActor(request, deps), request.query),
  );
  app.post(
    `${base}/cycles`,
    {
      schema: {
        tags,
        summary: 'Mở đợt đánh giá',
        body: openCycleBody,
        response: { 200: cycleDetail, ...errorResponses },
      },
    },
    async (request) => openCycle(db, await requestContext(request, deps), request.body),
  );
  app.get(
    `${base}/cycles/:id`,
    { schema: { tags, summary: 'Một đợt đánh giá', params, response: { 200: cycleDetail, ...errorResponses } } },
    async (request) => getCycle(db, await requireActor(request, deps), request.params.id),
  );
  app.get(
    `${base}/cycles/:id/board`,
    {
      schema: {
        tags,
        summary: 'Tiến độ đợt đánh giá theo đơn vị trực thuộc',
        params,
        querystring: boardQuery,
        response: { 200: progressBoard, ...errorResponses },
      },
    },
    async (request) => board(db, await requireActor(request, deps), request.params.id, request.query.unitId),
  );
  app.get(
    `${base}/cycles/:id/evaluations`,
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ đánh giá của đợt',
        params,
        querystring: evaluationsQuery,
        response: { 200: evaluationPage, ...errorResponses },
      },
    },
    async (request) => listEvaluations(db, await requireActor(request, deps), request.params.id, request.query),
  );
  app.post(
    `${base}/cycles/:id/accept`,
    {
      schema: {
        tags,
        summary: 'Quyết định công nhận kết quả đã duyệt',
        params,
        body: acceptBody,
        response: { 200: acceptResult, ...errorResponses },
      },
    },
    async (request) => acceptResults(db, await requestContext(request, deps), request.params.id, request.body),
  );
  app.post(
    `${base}/cycles/:id/sample`,
    {
      schema: {
        tags,
        summary: 'Chọn mẫu phúc tra',
        params,
        body: sampleBody,
        response: { 200: sampleResult, ...errorResponses },
      },
    },
    async (request) => drawSample(db, await requestContext(request, deps), request.params.id, request.body),
  );
  app.post(
    `${base}/cycles/:id/evidence`,
    {
      schema: {
        tags,
        summary: 'Tính lại số liệu tự động của mọi hồ sơ',
        params,
        response: { 200: refreshResult, ...errorResponses },
      },
    },
    async (request) => refreshCycleEvidence(db, await requestContext(request, deps), request.params.id),
  );
  app.get(
    `${base}/cycles/:id/results.xlsx`,
    { schema: { tags, summary: 'Xuất kết quả đánh giá (.xlsx)', params, querystring: boardQuery } },
    async (request, reply) => {
      const actor = await requireActor(request, deps);
      const cycle = await loadCycle(db, actor, request.params.id);
      const viewed = await viewedUnit(db, actor, cycle.owner_path, request.query.unitId);
      const bytes = await cycleResultsXlsx(db, actor, request.params.id, viewed.path);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(`ket-qua-danh-gia-${cycle.year}.xlsx`, 'attachment'))
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  app.get(
    `${base}/mine`,
    {
      schema: {
        tags,
        summary: 'Hồ sơ đánh giá cần tôi làm',
        response: { 200: z.array(myEvaluationRow), ...errorResponses },
      },
    },
    async (request) => myEvaluations(db, await requireActor(request, deps)),
  );
  app.get(
    `${base}/dashboard`,
    {
      schema: {
        tags,
        summary: 'Tỷ lệ công nhận, phân loại theo cấp và năm',
        querystring: dashboardQuery,
        response: { 200: evaluationDashboard, ...errorResponses },
      },
    },
    async (request) => dashboard(db, await requireActor(request, deps), request.query),
  );
  app.get(
    `${base}/comparison`,
    {
      schema: {
        tags,
        summary: 'So sánh xếp loại với năm trước',
        querystring: comparisonQuery,
        response: { 200: evaluationComparison, ...errorResponses },
      },
    },
    async (request) => comparison(db, await requireActor(request, deps), request.query),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'Hồ sơ đánh giá', params, response: detail } }, async (request) =>
    getEvaluation(db, await requireActor(request, deps), request.params.id),
  );
  app.get(
    `${base}/:id/follow-up-candidates`,
    {
      schema: {
        tags,
        summary: 'Cán bộ có thể phân công theo dõi hồ sơ',
        params,
        response: { 200: z.array(followUpCandidate), ...errorResponses },
      },
    },
    async (request) => followUpCandidates(db, await requireActor(request, deps), request.params.id),
  );

  const step = <B extends z.ZodType>(
    method: 'post' | 'put',
    path: string,
    summary: string,
    body: B,
    run: (ctx: Awaited<ReturnType<typeof requestContext>>, id: string, body: z.output<B>) => Promise<void>,
  ) =>
    app[method](
      `${base}/:id/${path}`,
      { schema: { tags, summary, params, body, response: detail } },
      async (request) => {
        const ctx = await requestContext(request, deps);
        await run(ctx, request.params.id, request.body as z.output<B>);
        return getEvaluation(db, ctx.actor, request.params.id);
      },
    );
  step('put', 'self', 'Lưu bản tự đánh giá', saveSelfBody, (ctx, i, b) => saveSelf(db, ctx, i, b));
  step('post', 'submit', 'Nộp hồ sơ (đăng ký, tự đánh giá)', versionBody, (ctx, i, b) => submitStep(db, ctx, i, b));
  step('put', 'review', 'Cấp trên chấm điểm, xếp loại', reviewBody, (ctx, i, b) => review(db, ctx, i, b));
  step('post', 'approve', 'Duyệt bước hiện tại', versionBody, (ctx, i, b) => approveStep(db, ctx, i, b));
  step('post', 'return', 'Trả lại kèm lý do', reasonBody, (ctx, i, b) => returnEvaluation(db, ctx, i, b));
  step('post', 'reopen', 'Mở lại bước đã duyệt', reopenBody, (ctx, i, b) => reopenEvaluation(db, ctx, i, b));
  step('put', 'follow-up', 'Phân công cán bộ theo dõi', followUpBody, (ctx, i, b) => assignFollowUp(db, ctx, i, b));

  app.post(
    `${base}/:id/evidence`,
    { schema: { tags, summary: 'Tính lại số liệu tự động', params, response: detail } },
    async (request) => {
      const ctx = await requestContext(request, deps);
      await refreshEvidence(db, ctx, request.params.id);
      return getEvaluation(db, ctx.actor, request.params.id);
    },
  );
  app.post(
    `${base}/:id/files`,
    {
      schema: {
        tags,
        summary: 'Tải lên minh chứng',
        params,
        querystring: z.object({ step: stepKey.optional() }),
        response: detail,
      },
    },
    async (request) => {
      const ctx = await requestContext(request, deps);
      await addEvaluationFile(db, ctx, request.params.id, await readAttachmentUpload(request));
      return getEvaluation(db, ctx.actor, request.params.id);
    },
  );
  app.get(
    `${base}/:id/files/:fileId`,
    { schema: { tags, summary: 'Tải tệp minh chứng', params: fileParams } },
    async (request, reply) => {
      const file = await evaluationFile(
        db,
        await requireActor(request, deps),
        request.params.id,
        request.params.fileId,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName, 'attachment'))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
}
