import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  cardRegisterPage,
  cardRegisterQuery,
  cardScheme,
  issueCardBody,
  memberCards,
  putCardSchemeBody,
  reissueCardBody,
  revokeCardBody,
} from '../../contracts/member-cards.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { getMemberCards, issueCard, reissueCard, revokeCard } from './member-cards.service.js';
import { getCardRegister, getCardScheme, putCardScheme } from './member-cards.register.js';

const params = z.object({ id });
const tags = ['member-cards'];

/** Member cards: a member's card history, issue/reissue/revoke, numbering schemes and the card register. */
export async function memberCardRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const cards = { 200: memberCards, ...errorResponses };

  app.get(
    '/api/members/:id/cards',
    { schema: { tags, summary: 'Các thẻ đoàn viên của một đoàn viên', params, response: cards } },
    async (request) => getMemberCards(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/members/:id/cards/issue',
    { schema: { tags, summary: 'Cấp thẻ đoàn viên', params, body: issueCardBody, response: cards } },
    async (request) => issueCard(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/members/:id/cards/reissue',
    {
      schema: {
        tags,
        summary: 'Cấp lại thẻ đoàn viên (mất: số mới; hư hỏng: giữ số)',
        params,
        body: reissueCardBody,
        response: cards,
      },
    },
    async (request) => reissueCard(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/members/:id/cards/revoke',
    { schema: { tags, summary: 'Thu hồi thẻ đoàn viên', params, body: revokeCardBody, response: cards } },
    async (request) => revokeCard(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/units/:id/card-scheme',
    {
      schema: {
        tags,
        summary: 'Cách đánh số thẻ của đơn vị',
        params,
        response: { 200: cardScheme, ...errorResponses },
      },
    },
    async (request) => getCardScheme(db, await requireActor(request, deps), request.params.id),
  );

  app.put(
    '/api/units/:id/card-scheme',
    {
      schema: {
        tags,
        summary: 'Sửa cách đánh số thẻ của đơn vị',
        params,
        body: putCardSchemeBody,
        response: { 200: cardScheme, ...errorResponses },
      },
    },
    async (request) => putCardScheme(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/units/:id/card-register',
    {
      schema: {
        tags,
        summary: 'Sổ cấp thẻ đoàn viên của đơn vị (cả cấp dưới)',
        params,
        querystring: cardRegisterQuery,
        response: { 200: cardRegisterPage, ...errorResponses },
      },
    },
    async (request) => getCardRegister(db, await requireActor(request, deps), request.params.id, request.query),
  );
}
