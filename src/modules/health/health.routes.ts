import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppDeps } from '../../http/types.js';

/** Liveness and which database the server runs on. */
export async function healthRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Tình trạng máy chủ',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );
}
