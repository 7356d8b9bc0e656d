import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT phải là một số.' })
    .int({ error: 'PORT phải là số nguyên.' })
    .min(1, { error: 'PORT phải từ 1 đến 65535.' })
    .max(65535, { error: 'PORT phải từ 1 đến 65535.' })
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, { error: 'DATA_DIR không được để trống.' }).default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      error: 'DATABASE_URL phải có dạng postgres://người-dùng@máy:cổng/cơ-sở-dữ-liệu.',
    }),
  DEMO: z.enum(['0', '1'], { error: 'DEMO chỉ nhận 0 (không nạp dữ liệu mẫu) hoặc 1.' }).default('1'),
  AUTH_SECRET: z.string().min(32, { error: 'AUTH_SECRET phải dài ít nhất 32 ký tự.' }).optional(),
  PUBLIC_URL: z.string().url({ error: 'PUBLIC_URL phải là một địa chỉ http(s) đầy đủ.' }).optional(),
  /** The built web pages to serve (default web/dist); lets parallel browser runs each serve their own build. */
  WEB_DIST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Settings of a running server, validated at start. */
export type Env = z.infer<typeof envSchema>;

/** Reads and validates the settings; throws one message listing every problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
}
