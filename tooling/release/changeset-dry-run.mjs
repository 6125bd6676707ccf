#!/usr/bin/env node
// A dry run of `changeset version`: the workspace's manifests and pending changesets are copied to a
// scratch folder, `changeset version` runs there, and the result is checked: every package named in a
// changeset is bumped as it says, a dependent public package gets at least a patch bump with its
// `workspace:^` range kept, private packages stay unversioned, and each bumped package gets a CHANGELOG.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "mk-changeset-"));
const manifests = ["package.json", "pnpm-workspace.yaml"];
for (const group of ["packages", "apps", "tooling"]) {
  for (const dir of readdirSync(join(root, group))) {
    for (const file of ["package.json", "CHANGELOG.md"]) {
      if (existsSync(join(root, group, dir, file))) manifests.push(join(group, dir, file));
    }
  }
}
for (const file of manifests) {
  mkdirSync(dirname(join(scratch, file)), { recursive: true });
  cpSync(join(root, file), join(scratch, file));
}
cpSync(join(root, ".changeset"), join(scratch, ".changeset"), { recursive: true });
// changesets finds the workspace's packages through the package manager's files and git; a bare repo suffices.
execFileSync("git", ["init", "-q"], { cwd: scratch });

const read = (dir) => JSON.parse(readFileSync(join(scratch, dir, "package.json"), "utf8"));
const pending = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
const bumps = new Map();
for (const file of pending) {
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, ".changeset", file), "utf8"))?.[1] ?? "";
  for (const line of front.split("\n")) {
    const m = /^"?([^"]+)"?:\s*(major|minor|patch)/.exec(line.trim());
    if (m) bumps.set(m[1], m[2]);
  }
}
const publicDirs = readdirSync(join(root, "packages")).map((d) => join("packages", d));
const before = new Map(publicDirs.map((d) => [read(d).name, read(d)]));

execFileSync(join(root, "node_modules/.bin/changeset"), ["version"], { cwd: scratch, stdio: "inherit" });

const problems = [];
const level = (from, to) => {
  const [a, b] = [from.split(".").map(Number), to.split(".").map(Number)];
  if (a[0] !== b[0]) return a[0] === 0 && b[0] === 0 ? "none" : "major";
  if (a[1] !== b[1]) return a[0] === 0 ? "major-in-0" : "minor";
  return a[2] !== b[2] ? "patch" : "none";
};
for (const dir of publicDirs) {
  const after = read(dir);
  const was = before.get(after.name);
  const wanted = bumps.get(after.name);
  const got = level(was.version, after.version);
  if (wanted && got === "none")
    problems.push(`${after.name}: a ${wanted} changeset did not bump ${was.version}`);
  if (wanted && !existsSync(join(scratch, dir, "CHANGELOG.md")))
    problems.push(`${after.name}: no CHANGELOG.md written`);
  for (const [dep, range] of Object.entries(after.dependencies ?? {})) {
    if (!dep.startsWith("@meterkit/")) continue;
    if (!String(range).startsWith("workspace:"))
      problems.push(`${after.name}: dependency ${dep} lost its workspace: range (${range})`);
    if (bumps.has(dep) && got === "none")
      problems.push(`${after.name}: depends on bumped ${dep} but was not bumped`);
  }
  console.log(
    `${after.name.padEnd(36)} ${was.version} → ${after.version}${wanted ? ` (${wanted} changeset)` : ""}`,
  );
}
for (const group of ["apps", "tooling"]) {
  for (const dir of readdirSync(join(root, group))) {
    const file = join(group, dir, "package.json");
    if (!existsSync(join(root, file))) continue;
    const was = JSON.parse(readFileSync(join(root, file), "utf8"));
    const after = JSON.parse(readFileSync(join(scratch, file), "utf8"));
    if (was.version !== after.version)
      problems.push(`${was.name}: private package was versioned (${was.version} → ${after.version})`);
  }
}
if (pending.length && readdirSync(join(scratch, ".changeset")).some((f) => pending.includes(f))) {
  problems.push("changeset version left consumed changesets behind");
}
console.log(
  problems.length
    ? `changeset dry run: ${problems.length} problems\n- ${problems.join("\n- ")}`
    : `changeset dry run: ${pending.length} changesets applied cleanly`,
);
process.exit(problems.length ? 1 : 0);
