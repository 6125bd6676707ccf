// Runs a README's code blocks exactly as written, for the packages whose tests check that every block
// does (metric-parser, connector-model). Plain ESM with a .d.ts beside it, imported by relative path, so it
// needs no workspace package nor build step; the test framework stays the caller's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The bodies of the ```<lang> blocks of a Markdown file, in order. */
export function codeBlocks(markdownUrl, lang = "ts") {
  const text = readFileSync(markdownUrl, "utf8");
  const fence = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, "gm");
  return [...text.matchAll(fence)].map((m) => m[1]);
}

/**
 * A runner for the blocks of one README. `imports` maps each package specifier a block may import
 * (`"@meterkit/metric-parser"`) to the file the test should load instead (the package's src/): the quoted
 * specifier is replaced, so `"@meterkit/x/testing"` and `"@meterkit/x"` are told apart. Each block is
 * written as a module beside the calling test (`near`, its import.meta.url, so other imports resolve from
 * the package) and imported with the working directory set to a scratch directory, so files a block writes
 * (mapping.yaml, a cassette) land there. `close()` removes the scratch directory.
 */
export function readmeRunner({ near, imports = {} }) {
  const dir = path.dirname(fileURLToPath(near));
  const scratch = mkdtempSync(path.join(tmpdir(), "mk-readme-"));
  const here = process.cwd();
  const replacements = Object.entries(imports).map(([specifier, file]) => [
    JSON.stringify(specifier),
    JSON.stringify(pathToFileURL(path.resolve(dir, file)).href),
  ]);
  let count = 0;
  return {
    scratch,
    async run(code) {
      let source = code;
      for (const [from, to] of replacements) source = source.replaceAll(from, to);
      const file = path.join(dir, `.readme-block-${process.pid}-${++count}.ts`);
      writeFileSync(file, source);
      process.chdir(scratch);
      try {
        return await import(pathToFileURL(file).href);
      } finally {
        process.chdir(here);
        rmSync(file, { force: true });
      }
    },
    close() {
      process.chdir(here);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
