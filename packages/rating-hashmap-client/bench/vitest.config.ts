import { defineConfig } from "vitest/config";

/** `pnpm run bench`: benchmarks against the real CloudKitty; they print rates and ratios, never assert time. */
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["bench/**/*.bench.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
