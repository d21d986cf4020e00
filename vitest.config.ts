import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/adapters/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
