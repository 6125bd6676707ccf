import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `files` may list only what the package has: a missing entry (CHANGELOG.md before a first release) is
// silently left out of the tarball and misleads whoever reads package.json.
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  files: string[];
};
const tsconfig = JSON.parse(readFileSync(new URL("../tsconfig.build.json", import.meta.url), "utf8")) as {
  compilerOptions?: { outDir?: string };
};

describe("package.json files", () => {
  it("lists only files the package has, or the build's output directory", () => {
    const outDir = (tsconfig.compilerOptions?.outDir ?? "dist").replace(/^\.\//, "");
    const missing = pkg.files.filter(
      (entry) => entry !== outDir && !existsSync(new URL(`../${entry}`, import.meta.url)),
    );
    expect(missing).toEqual([]);
    expect(pkg.files).toContain(outDir);
  });
});
