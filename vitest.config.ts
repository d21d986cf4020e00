import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/adapters/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.ts'] } },
      // The app tests once more, every request resolved by MSW over createOktaHandlers.
      { extends: true, test: { name: 'app-via-msw', include: ['test/app/**/*.test.ts'], env: { OKTA_MOCK_TARGET: 'msw' } } },
    ],
  },
});
