import { defineConfig } from "vitest/config";

// `pnpm bench`: not part of `test`. One fork with --expose-gc so heap peaks are measured from a clean heap.
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.ts"],
    testTimeout: 600_000,
    pool: "forks",
    execArgv: ["--expose-gc"],
  },
});
