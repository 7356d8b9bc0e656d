import type { Database } from '../src/db/client.js';
import type { App } from '../src/http/types.js';

/** What a benchmark section gets from `bench/run.ts`: the app signed in as a system administrator. */
export interface BenchContext {
  database: Database;
  app: App;
  /** Session cookie of the system administrator. */
  cookie: string;
  /** True on PostgreSQL at national scale (sections may skip heavy generation elsewhere). */
  national: boolean;
  ids: { root: string; province: string; grassroots: string; branch: string };
  /** GET with the session; throws unless 200. */
  get: (url: string) => Promise<unknown>;
  /** Times `fn` over `runs` runs after one warm-up and prints median and p95. */
  time: (label: string, runs: number, fn: () => Promise<unknown>) => Promise<void>;
}
