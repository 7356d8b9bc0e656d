import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  criteriaQuery,
  criteriaResult,
  introduceBody,
  outcomeBody,
  partyIntroductionDto,
  partyIntroductionList,
  partyIntroductionListQuery,
  partyStats,
  partyStatsQuery,
  proposePartyIntroductionBody,
  withdrawBody,
} from '../../contracts/party-introductions.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import {
  checkMemberCriteria,
  getIntroduction,
  introductionStats,
  listIntroductions,
} from './party-introductions.read.js';
import { introduce, proposeIntroduction, recordOutcome, withdraw } from './party-introductions.service.js';

const params = z.object({ id });
const tags = ['party-introductions'];

/** Party introduction (giới thiệu đoàn viên ưu tú cho Đảng): resolution, letter, outcome, yearly report. */
export async function partyIntroductionRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/party-introductions',
    {
      schema: {
        tags,
        summary: 'Hồ sơ giới thiệu đảng viên của một đơn vị (cả cấp dưới) hoặc của một đoàn viên',
        querystring: partyIntroductionListQuery,
        response: { 200: partyIntroductionList, ...errorResponses },
      },
    },
    async (request) => listIntroductions(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/party-introductions/stats',
    {
      schema: {
        tags,
        summary: 'Số đoàn viên được giới thiệu và tỷ lệ được kết nạp, theo đơn vị trực thuộc và năm',
        querystring: partyStatsQuery,
        response: { 200: partyStats, ...errorResponses },
      },
    },
    async (request) => introductionStats(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/party-introductions/criteria',
    {
      schema: {
        tags,
        summary: 'Kiểm tra tiêu chuẩn giới thiệu của một đoàn viên',
        querystring: criteriaQuery,
        response: { 200: criteriaResult, ...errorResponses },
      },
    },
    async (request) => checkMemberCriteria(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/party-introductions/:id',
    {
      schema: {
        tags,
        summary: 'Một hồ sơ giới thiệu đảng viên',
        params,
        response: { 200: partyIntroductionDto, ...errorResponses },
      },
    },
    async (request) => getIntroduction(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/party-introductions',
    {
      schema: {
        tags,
        summary: 'Ghi nghị quyết của chi đoàn đề nghị giới thiệu đoàn viên ưu tú',
        body: proposePartyIntroductionBody,
        response: { 200: partyIntroductionDto, ...errorResponses },
      },
    },
    async (request) => proposeIntroduction(db, await requestContext(request, deps), request.body),
  );

  app.post(
    '/api/party-introductions/:id/introduce',
    {
      schema: {
        tags,
        summary: 'Cấp trên giới thiệu đoàn viên đến chi bộ (giấy giới thiệu)',
        params,
        body: introduceBody,
        response: { 200: partyIntroductionDto, ...errorResponses },
      },
    },
    async (request) => introduce(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/party-introductions/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả: được kết nạp vào Đảng hoặc chưa',
        params,
        body: outcomeBody,
        response: { 200: partyIntroductionDto, ...errorResponses },
      },
    },
    async (request) => recordOutcome(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/party-introductions/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Rút đề nghị hoặc giới thiệu',
        params,
        body: withdrawBody,
        response: { 200: partyIntroductionDto, ...errorResponses },
      },
    },
    async (request) => withdraw(db, await requestContext(request, deps), request.params.id, request.body),
  );
}
