import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  closeUnitBody,
  createUnitBody,
  mergeUnitsBody,
  moveUnitBody,
  splitUnitBody,
  treeAsOfQuery,
  treeNodeAsOf,
  unitDetail,
  unitSearchQuery,
  unitSummary,
  unitVersionDto,
  updateUnitBody,
} from '../../contracts/units.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { scopeOf } from '../../auth/actor.js';
import { fail } from '../../domain/errors.js';
import type { App, AppDeps } from '../../http/types.js';
import * as q from './org-units.queries.js';
import { closeUnit, createUnit, getUnitDetail, loadForAction, updateUnit } from './org-units.service.js';
import { mergeUnits, moveUnit, splitUnit } from './org-restructure.service.js';
import { toSummary } from './org-units.presenter.js';

const params = z.object({ id });
const errors = errorResponses;
const tags = ['units'];

/** The organisation tree: read, create, edit, move, merge, split, close, history. */
export async function orgUnitRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/units/search',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị trong phạm vi',
        querystring: unitSearchQuery,
        response: { 200: z.array(unitSummary), ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, deps);
      const { q: text, includeClosed, limit } = request.query;
      const rows = await q.searchUnits(db, scopeOf(actor, 'unit.read'), text, includeClosed, limit);
      return rows.map((r) => toSummary(r.unit, r.childCount));
    },
  );

  app.get(
    '/api/units/tree-as-of',
    {
      schema: {
        tags,
        summary: 'Cơ cấu tổ chức tại một ngày',
        querystring: treeAsOfQuery,
        response: { 200: z.array(treeNodeAsOf), ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, deps);
      const scope = scopeOf(actor, 'unit.read');
      const { date, rootId } = request.query;
      if (rootId) {
        await loadForAction(db, actor, rootId, 'unit.read');
        return q.treeAsOf(db, [rootId], date);
      }
      const roots = await q.unitsAtPaths(db, scope);
      return q.treeAsOf(
        db,
        roots.map((r) => r.id),
        date,
      );
    },
  );

  app.get(
    '/api/units/:id',
    { schema: { tags, summary: 'Chi tiết đơn vị', params, response: { 200: unitDetail, ...errors } } },
    async (request) => {
      return getUnitDetail(db, await requireActor(request, deps), request.params.id);
    },
  );

  app.get(
    '/api/units/:id/children',
    {
      schema: {
        tags,
        summary: 'Đơn vị trực thuộc',
        params,
        querystring: z.object({ includeClosed: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(unitSummary), ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, deps);
      await loadForAction(db, actor, request.params.id, 'unit.read');
      const rows = await q.listChildren(
        db,
        scopeOf(actor, 'unit.read'),
        request.params.id,
        request.query.includeClosed === 'true',
      );
      return rows.map((r) => toSummary(r.unit, r.childCount));
    },
  );

  app.get(
    '/api/units/:id/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử cơ cấu của đơn vị',
        params,
        response: { 200: z.object({ versions: z.array(unitVersionDto) }), ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, deps);
      await loadForAction(db, actor, request.params.id, 'unit.read');
      return { versions: await q.versionsOf(db, request.params.id) };
    },
  );

  app.post(
    '/api/units',
    { schema: { tags, summary: 'Tạo đơn vị', body: createUnitBody, response: { 200: unitDetail, ...errors } } },
    async (request) => {
      return createUnit(db, await requestContext(request, deps), request.body);
    },
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin đơn vị',
        params,
        body: updateUnitBody,
        response: { 200: unitDetail, ...errors },
      },
    },
    async (request) => {
      const body = request.body;
      if (Object.keys(body).length === 1) throw fail.invalid('version', 'Không có thông tin nào để sửa.');
      return updateUnit(db, await requestContext(request, deps), request.params.id, body);
    },
  );

  app.post(
    '/api/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển trực thuộc',
        params,
        body: moveUnitBody,
        response: { 200: unitDetail, ...errors },
      },
    },
    async (request) => moveUnit(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/units/merge',
    { schema: { tags, summary: 'Hợp nhất đơn vị', body: mergeUnitsBody, response: { 200: unitDetail, ...errors } } },
    async (request) => mergeUnits(db, await requestContext(request, deps), request.body),
  );

  app.post(
    '/api/units/:id/split',
    {
      schema: {
        tags,
        summary: 'Chia tách đơn vị',
        params,
        body: splitUnitBody,
        response: { 200: z.array(unitSummary), ...errors },
      },
    },
    async (request) => splitUnit(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/units/:id/close',
    {
      schema: {
        tags,
        summary: 'Giải thể, ngừng hoạt động',
        params,
        body: closeUnitBody,
        response: { 200: unitDetail, ...errors },
      },
    },
    async (request) => closeUnit(db, await requestContext(request, deps), request.params.id, request.body),
  );
}
