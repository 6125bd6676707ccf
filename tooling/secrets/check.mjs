#!/usr/bin/env node
/**
 * The `secrets` check: run test suites with known canary credentials and scan everything they produced.
 *
 *   node tooling/secrets/check.mjs [--suite <dir>]... [--no-services]
 *
 * 1. Picks canaries (MK_SECRET_CANARY_PASSWORD / MK_SECRET_CANARY_TOKEN, random unless set) and exports
 *    them, so suites that read them (tooling/reliability/test/secrets.test.ts puts them in every auth slot
 *    of every client and CLI) use them.
 * 2. Runs `vitest run` in each suite directory (default: tooling/reliability's secrets test and every
 *    package under packages/), teeing all stdout/stderr into $MK_SECRETS_OUT (default: <tmp>/meterkit-secrets).
 * 3. Scans the logs and every file the run wrote under the suites (cassettes, snapshots, reports; not
 *    node_modules or dist) for the canaries in four forms (verbatim, URL-encoded, base64, JSON-escaped),
 *    and also for the real service passwords of `services.sh env` (Keystone admin/demo) when available.
 * Exits 1 on any finding (printed with file and line, the secret itself masked), 2 when a suite failed.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const suites = [];
for (let i = 0; i < args.length; i++) if (args[i] === "--suite") suites.push(resolve(root, args[++i] ?? ""));
const useServices = !args.includes("--no-services");
const defaultSuites = [
  join(root, "tooling/reliability"),
  ...readdirSync(join(root, "packages")).map((p) => join(root, "packages", p)),
];
const targets = suites.length ? suites : defaultSuites;

const password = process.env.MK_SECRET_CANARY_PASSWORD || `pw-canary-${randomBytes(9).toString("hex")}`;
const token = process.env.MK_SECRET_CANARY_TOKEN || `tok-canary-${randomBytes(9).toString("hex")}`;
const secrets = [
  { name: "MK_SECRET_CANARY_PASSWORD", value: password },
  { name: "MK_SECRET_CANARY_TOKEN", value: token },
];
if (useServices) {
  try {
    const text = execFileSync("bash", [join(root, "tooling/services/services.sh"), "env"], {
      encoding: "utf8",
    });
    for (const line of text.split("\n")) {
      const m = /^(MK_\w*PASSWORD)=(.{6,})$/.exec(line);
      if (m) secrets.push({ name: m[1], value: m[2] });
    }
  } catch {
    // No services here: the canaries alone are checked.
  }
}

const forms = (v) => [
  v,
  encodeURIComponent(v),
  Buffer.from(v).toString("base64"),
  JSON.stringify(v).slice(1, -1),
];
const outDir = process.env.MK_SECRETS_OUT || join(tmpdir(), "meterkit-secrets");
mkdirSync(outDir, { recursive: true });
const started = Date.now();

function runSuite(dir) {
  const log = join(outDir, `${relative(root, dir).replaceAll("/", "__")}.log`);
  const out = createWriteStream(log);
  const vitestArgs =
    dir.endsWith("tooling/reliability") && !suites.length ? ["run", "test/secrets.test.ts"] : ["run"];
  return new Promise((done) => {
    const child = spawn("npx", ["vitest", ...vitestArgs], {
      cwd: dir,
      env: {
        ...process.env,
        MK_SECRET_CANARY_PASSWORD: password,
        MK_SECRET_CANARY_TOKEN: token,
        NO_COLOR: "1",
        FORCE_COLOR: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on("close", (code) => {
      out.end();
      out.on("finish", () => done({ dir, log, code }));
    });
  });
}

/** Files written during the run under `dir`, skipping dependencies and build output. */
function written(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", "dist", ".git", ".turbo"].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) written(path, found);
    else if (statSync(path).mtimeMs >= started && statSync(path).size < 50 * 1024 * 1024) found.push(path);
  }
  return found;
}

function scan(file) {
  const text = readFileSync(file, "utf8");
  const hits = [];
  for (const s of secrets) {
    for (const form of forms(s.value)) {
      let at = text.indexOf(form);
      while (at >= 0) {
        const line = text.slice(0, at).split("\n").length;
        const excerpt = text
          .slice(Math.max(0, at - 60), at + form.length + 30)
          .split(form)
          .join(`<${s.name}>`);
        hits.push({
          file: file.startsWith(root) ? relative(root, file) : file,
          line,
          secret: s.name,
          excerpt: excerpt.replace(/\s+/g, " "),
        });
        at = text.indexOf(form, at + form.length);
      }
    }
  }
  return hits;
}

const results = [];
for (const dir of targets) {
  process.stdout.write(`secrets: running ${relative(root, dir)} … `);
  const r = await runSuite(dir);
  process.stdout.write(`exit ${r.code}\n`);
  results.push(r);
}
const files = new Set(results.map((r) => r.log));
for (const dir of targets) for (const f of written(dir)) files.add(f);
const hits = [...files].flatMap(scan);
const shown = (f) => (f.startsWith(root) ? relative(root, f) : f);
console.log(
  `secrets: scanned ${files.size} files (logs, cassettes, snapshots, reports) for ${secrets.length} secrets`,
);
for (const h of hits) console.log(`  LEAK ${h.file}:${h.line} ${h.secret}: …${h.excerpt}…`);
const failed = results.filter((r) => r.code !== 0);
for (const f of failed) console.log(`  suite failed: ${relative(root, f.dir)} (see ${shown(f.log)})`);
console.log(hits.length ? `secrets: ${hits.length} leak(s)` : "secrets: no leak");
process.exit(hits.length ? 1 : failed.length ? 2 : 0);
