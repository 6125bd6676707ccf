import { defineConfig } from "vitest/config";

// Benchmarks run on their own (`pnpm run bench`), never as part of `test`.
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.ts"],
    testTimeout: 600_000,
  },
});
