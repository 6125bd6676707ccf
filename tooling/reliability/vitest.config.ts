import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts the real CloudKitty and prints the fault suite's one table when every file has run.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The suites share one machine with real services: one file at a time keeps the fault schedule honest.
    fileParallelism: false,
  },
});
