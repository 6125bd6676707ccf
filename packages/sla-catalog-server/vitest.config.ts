import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 30_000,
    passWithNoTests: true,
  },
});
