import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            'src/domain/**/*.test.ts',
            'src/config/**/*.test.ts',
            'src/seed/**/*.test.ts',
            'web/src/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['src/modules/**/*.test.ts', 'src/http/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
});
