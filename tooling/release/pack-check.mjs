#!/usr/bin/env node
// The pack check (what a user gets from npm): for every public package, `pnpm pack` it, run publint and
// attw on the tarball, install the tarball ALONE into an empty project (real dependencies from the
// registry, sibling tarballs only where it depends on them), and run its README's first example there with
// plain `node`. Examples read service addresses from the environment (see EXAMPLE_ENV below); this script
// provides them from tooling/services and the sandbox.
//
// Usage: node tooling/release/pack-check.mjs [package-name…]
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { exampleEnv } from "./example-env.mjs";
import { exampleFiles, firstExample, toRunnableJs } from "./readme-example.mjs";
import { serveCheck } from "./serve-check.mjs";

const root = resolve(import.meta.dirname, "../..");
const only = process.argv.slice(2);
const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({
    dir: join(root, "packages", dir),
    json: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")),
  }))
  .filter((p) => !p.json.private);
// Every public package is packed (a checked one may need its siblings' tarballs); only the named ones are checked.
const checked = packages.filter((p) => only.length === 0 || only.includes(p.json.name));

const work = mkdtempSync(join(tmpdir(), "mk-pack-"));
const tarballs = join(work, "tarballs");
mkdirSync(tarballs);
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", ...opts });
const pnpm = (args, cwd) => run("npx", ["--yes", "pnpm@10.34.9", ...args], { cwd });
const execFileAsync = promisify(execFile);
const bin = (name) => join(root, "node_modules", ".bin", name);

const tarballOf = new Map();
for (const p of packages) {
  const before = new Set(readdirSync(tarballs));
  pnpm(["pack", "--pack-destination", tarballs], p.dir);
  const made = readdirSync(tarballs).find((f) => !before.has(f));
  tarballOf.set(p.json.name, join(tarballs, made));
}

const env = await exampleEnv(root);
const results = [];
let failed = 0;
for (const p of checked) {
  const name = p.json.name;
  const tarball = tarballOf.get(name);
  const row = { package: name, publint: "", attw: "", install: "", files: "", example: "", serve: "" };
  results.push(row);
  // One step of the check: a failure is reported and counted, and the next step still runs.
  const step = async (key, fn) => {
    try {
      await fn();
      row[key] = "ok";
    } catch (error) {
      row[key] = "FAIL";
      failed++;
      console.error(
        `\n✗ ${name} ${key}:\n${error.stdout ?? ""}${error.stderr ?? ""}${error.stdout || error.stderr ? "" : error.message}`,
      );
    }
  };

  await step("publint", () => run(bin("publint"), ["--strict", tarball]));
  await step("attw", () => run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "table-flipped"]));
  const project = mkdtempSync(join(work, "alone-"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "alone", private: true, type: "module" }),
  );
  // The package's own tarball plus the tarballs of the meterkit packages it depends on (not yet on npm).
  const siblings = Object.keys(p.json.dependencies ?? {})
    .filter((d) => tarballOf.has(d))
    .map((d) => tarballOf.get(d));
  await step("install", () =>
    run("npm", ["install", "--no-audit", "--no-fund", "--omit=dev", tarball, ...siblings], { cwd: project }),
  );
  // `files` may list only what the tarball then holds: npm leaves a missing entry out silently (a
  // CHANGELOG.md listed before a first release), which misleads whoever reads package.json.
  await step("files", () => {
    const installed = join(project, "node_modules", ...name.split("/"));
    const missing = (p.json.files ?? []).filter(
      (entry) => !/[*?]/.test(entry) && !existsSync(join(installed, entry)),
    );
    if (missing.length > 0)
      throw new Error(`package.json files lists what the tarball lacks: ${missing.join(", ")}`);
  });
  // Async: the sandbox stand-ins answer from this very process, so it must not block while the example runs.
  await step("example", async () => {
    const readme = readFileSync(join(p.dir, "README.md"), "utf8");
    for (const file of exampleFiles(readme)) writeFileSync(join(project, file.name), file.content);
    writeFileSync(join(project, "example.mjs"), toRunnableJs(firstExample(readme)));
    await execFileAsync(process.execPath, ["example.mjs"], {
      cwd: project,
      env: { ...process.env, ...env },
      timeout: 180_000,
    });
  });
  if (name === "@meterkit/sla-catalog-server") {
    // The service with its provider tools, both from their tarballs alone: token, serve, the seed's flow.
    await step("serve", async () => {
      run(
        "npm",
        ["install", "--no-audit", "--no-fund", "--omit=dev", tarballOf.get("@meterkit/sla-catalog-client")],
        {
          cwd: project,
        },
      );
      await serveCheck(project);
    });
  } else row.serve = "—";
}
await env.close?.();
console.table(results);
console.log(
  failed === 0 ? `pack check: ${results.length} packages, all ok` : `pack check: ${failed} failures`,
);
process.exit(failed === 0 ? 0 : 1);
