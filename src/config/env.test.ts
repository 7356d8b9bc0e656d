import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';

describe('settings', () => {
  it('has defaults for a first start', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: '1' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('explains every bad setting in Vietnamese', () => {
    expect(() => loadEnv({ PORT: 'abc', DEMO: 'yes', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
    expect(() => loadEnv({ DEMO: 'yes' })).toThrow('DEMO chỉ nhận 0');
    expect(() => loadEnv({ PORT: '70000' })).toThrow('PORT phải từ 1 đến 65535');
  });

  it('takes a PostgreSQL URL', () => {
    expect(loadEnv({ DATABASE_URL: 'postgres://u@localhost:5432/db' }).DATABASE_URL).toBe(
      'postgres://u@localhost:5432/db',
    );
  });
});
