import { z } from 'zod';
import { errorResponse } from '../../contracts/common.js';
import { createUnitKindBody, unitKindDto } from '../../contracts/units.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { listKinds } from '../org-units/org-units.queries.js';
import { createUnitKind } from './unit-kinds.service.js';

const toDto = (k: { code: string; nameVi: string; nameEn: string; rank: number; isLeaf: boolean }) => ({
  code: k.code,
  nameVi: k.nameVi,
  nameEn: k.nameEn,
  rank: k.rank,
  isLeaf: k.isLeaf,
});

/** Level kinds of the tree (data). */
export async function unitKindRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 409: errorResponse };

  app.get(
    '/api/unit-kinds',
    {
      schema: {
        tags: ['units'],
        summary: 'Các loại đơn vị',
        response: { 200: z.array(unitKindDto), 401: errorResponse },
      },
    },
    async (request) => {
      await requireActor(request, deps);
      return (await listKinds(db)).map(toDto);
    },
  );

  app.post(
    '/api/unit-kinds',
    {
      schema: {
        tags: ['units'],
        summary: 'Thêm loại đơn vị',
        body: createUnitKindBody,
        response: { 200: unitKindDto, ...errors },
      },
    },
    async (request) => toDto(await createUnitKind(db, await requestContext(request, deps), request.body)),
  );
}
