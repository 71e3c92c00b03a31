import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built CLI: give a loaded machine room, but fail rather than hang.
    testTimeout: 20_000,
  },
});
