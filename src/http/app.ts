import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import type { Auth } from '../auth/auth.js';
import { errorHandler } from './errors.js';
import type { App, AppDeps } from './types.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { sessionRoutes } from '../modules/session/session.routes.js';
import { orgUnitRoutes } from '../modules/org-units/org-units.routes.js';
import { unitKindRoutes } from '../modules/unit-kinds/unit-kinds.routes.js';
import { accountRoutes } from '../modules/accounts/accounts.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { memberRoutes } from '../modules/members/members.routes.js';
import { memberImportRoutes } from '../modules/member-import/member-import.routes.js';
import { memberExportRoutes } from '../modules/member-export/member-export.routes.js';
import { documentRoutes } from '../modules/documents/documents.routes.js';
import { documentTemplateRoutes } from '../modules/documents/templates.routes.js';
import { ruleRoutes } from '../modules/rules/rules.routes.js';
import { registerRoutes } from '../modules/registers/registers.routes.js';
import { selfServiceRoutes } from '../modules/self-service/self-service.routes.js';
import { transferRoutes } from '../modules/transfers/transfers.routes.js';
import { admissionRoutes } from '../modules/admissions/admissions.routes.js';
import { memberCardRoutes } from '../modules/member-cards/member-cards.routes.js';
import { comingOfAgeRoutes } from '../modules/coming-of-age/coming-of-age.routes.js';
import { disciplineRoutes } from '../modules/discipline/discipline.routes.js';
import { memberExitRoutes } from '../modules/member-exits/member-exits.routes.js';
import { partyIntroductionRoutes } from '../modules/party-introductions/party-introductions.routes.js';
import { meetingRoutes } from '../modules/meetings/meetings.routes.js';
import { memberReviewRoutes } from '../modules/member-reviews/member-reviews.routes.js';
import { feeRoutes } from '../modules/fees/fees.routes.js';
import { careRoutes } from '../modules/care/care.routes.js';
import { announcementRoutes } from '../modules/announcements/announcements.routes.js';
import { surveyRoutes } from '../modules/surveys/surveys.routes.js';
import { evaluationRoutes } from '../modules/evaluations/evaluations.routes.js';
import { branchIndicatorRoutes } from '../modules/branch-indicators/branch-indicators.routes.js';
import { MAX_IMPORT_BYTES } from '../contracts/member-import.js';

export interface CreateAppOptions {
  database: Database;
  auth: Auth;
  /** Pino log level; 'silent' in tests. */
  logLevel?: string;
  /** Folder of the built web app; served with an SPA fallback when it exists. */
  webDist?: string;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP application: security headers, OpenAPI, error mapping, every route module. */
export async function createApp(options: CreateAppOptions): Promise<App> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 12 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Đoàn Số API',
        version: '0.1.0',
        description: 'API của nền tảng Đoàn Số. Lỗi trả về dạng { error: { code, message, details } }.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const deps: AppDeps = { database: options.database, auth: options.auth };
  for (const routes of [
    healthRoutes,
    sessionRoutes,
    orgUnitRoutes,
    unitKindRoutes,
    accountRoutes,
    auditRoutes,
    memberRoutes,
    memberImportRoutes,
    memberExportRoutes,
    admissionRoutes,
    memberCardRoutes,
    documentRoutes,
    documentTemplateRoutes,
    ruleRoutes,
    registerRoutes,
    selfServiceRoutes,
    transferRoutes,
    comingOfAgeRoutes,
    disciplineRoutes,
    memberExitRoutes,
    partyIntroductionRoutes,
    meetingRoutes,
    memberReviewRoutes,
    feeRoutes,
    careRoutes,
    announcementRoutes,
    surveyRoutes,
    evaluationRoutes,
    branchIndicatorRoutes,
  ]) {
    await routes(app, deps);
  }

  const webDist = options.webDist ?? defaultWebDist;
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ yêu cầu.', details: [] } });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
