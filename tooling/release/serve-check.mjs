// The catalog server as a fresh machine gets it: in a project where only the packed tarballs of
// @meterkit/sla-catalog-server and @meterkit/sla-catalog-client are installed, `sla-catalog-server token
// create` makes an admin token, the bin serves on an embedded database, `sla-catalog` runs the seed's
// AddParty → ApproveParty → AddProduct → GetProductList flow with that token, and without it every write is
// refused (exit 7, "unauthorized"). SIGTERM then stops the server cleanly.
import { execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

export async function serveCheck(project) {
  const bin = (name) => join(project, "node_modules", ".bin", name);
  const created = await exec(
    bin("sla-catalog-server"),
    ["token", "create", "--role", "admin", "--format", "json"],
    {
      cwd: project,
    },
  );
  const { token } = JSON.parse(created.stdout);
  const server = spawn(bin("sla-catalog-server"), ["--port", "0"], {
    cwd: project,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stopped;
  server.stdout.on("data", (c) => (output += c));
  server.stderr.on("data", (c) => (output += c));
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 60_000);
      server.stdout.on("data", () => {
        const line = output.split("\n").find((l) => l.includes('"listening"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line).url);
        }
      });
      server.on("exit", (code) => reject(new Error(`the server exited (${code}): ${output}`)));
    });
    const tool = (args, withToken) =>
      exec(bin("sla-catalog"), [...args, "-url", url], {
        cwd: project,
        env: { PATH: process.env.PATH, ...(withToken ? { SLA_CATALOG_TOKEN: token } : {}) },
      }).then(
        (r) => ({ code: 0, ...r }),
        (e) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const refused = await tool(["AddParty", "-n", "anonymous"], false);
    if (refused.code !== 7 || !/unauthorized/.test(refused.stderr)) {
      throw new Error(`a write without a token was not refused with exit 7: ${JSON.stringify(refused)}`);
    }
    const party = await tool(["AddParty", "-n", "Fresh machine provider"], true);
    if (party.code !== 0) throw new Error(`AddParty failed: ${party.stderr}`);
    const id = party.stdout.trim();
    for (const args of [
      ["ApproveParty", "-p", id, "-b", "0", "-cl", "100"],
      ["AddProduct", "-p", id, "-n", "Small VM"],
    ]) {
      const r = await tool(args, true);
      if (r.code !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
    }
    const list = await tool(["GetProductList"], true);
    if (!list.stdout.includes("Small VM")) throw new Error(`GetProductList: ${list.stdout}${list.stderr}`);
    if (output.includes(token.slice(18))) throw new Error("the server logged the token");
  } finally {
    const exited = new Promise((resolve) => server.on("exit", resolve));
    server.kill("SIGTERM");
    stopped = await exited;
  }
  if (stopped !== 0 && stopped !== null)
    throw new Error(`the server did not stop cleanly (${stopped}): ${output}`);
}
