import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // One CloudKitty is shared: the module switch test must not run while another file prices quotes.
    fileParallelism: false,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
