import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Brings the services up once per run (a cold start takes ~30 s, plus apt on a fresh machine).
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    restoreMocks: true,
    clearMocks: true,
  },
});
