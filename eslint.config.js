import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const boundary = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', 'src/db/migrations', 'test-results', 'playwright-report', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: boundary([
      {
        group: ['**/db/**', '**/modules/**', '**/http/**', '**/contracts/**', '../../auth/**'],
        message: 'domain is pure',
      },
      { group: ['node:*', 'fs', 'pg', 'fastify', 'drizzle-orm*', '@electric-sql/*'], message: 'domain is pure' },
    ]),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: boundary([
      { group: ['**/db/**', '**/modules/**', '**/http/**', 'node:*'], message: 'contracts are shared with web' },
    ]),
  },
  {
    files: ['src/**/*.ts'],
    rules: boundary([{ group: ['**/web/**'], message: 'the server never imports from web/' }]),
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: boundary([
      {
        group: ['**/src/db/**', '**/src/modules/**', '**/src/http/**', '**/src/auth/**'],
        message: 'web uses contracts only',
      },
    ]),
  },
);
