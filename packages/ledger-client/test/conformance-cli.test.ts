/**
 * Every `cli-*` capture replayed through the `almanach` program (in process, real sockets) against a local server that
 * answers the recorded responses: same requests, and the reference's output, except for the documented
 * deviations (deviations.ts: per file, and CLI_RULES for every CLI capture).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as runCli } from "../src/cli/index.js";
import { CLI_EXIT_CODES, CLI_RULES, DEVIATIONS } from "./deviations.js";
import { assertRequests } from "./helpers/assert-requests.js";
import { type Capture, loadCaptures } from "./helpers/captures.js";
import { ReplayServer } from "./helpers/replay-server.js";

const captures = loadCaptures("cli-");

/**
 * The reference failed: it exited non-zero, and not because it printed a result with sys.exit(text)
 * (CLI_RULES.success) or lacked the command (a "command-works" deviation).
 */
function failed(capture: Capture): boolean {
  const recorded = capture.result as { exit_code: number; stdout: string; stderr: string };
  if (recorded.exit_code === 0 || DEVIATIONS[capture.file]?.kind === "command-works") return false;
  const httpFailure = capture.exchanges.some((e) => e.response.status >= 400);
  return !(
    recorded.exit_code === 1 &&
    !httpFailure &&
    recorded.stdout === "" &&
    !/Not Found/.test(recorded.stderr)
  );
}
const server = new ReplayServer();
beforeAll(() => server.start());
afterAll(() => server.close());

describe("cli captures", () => {
  it("finds the captures", () => {
    expect(captures.length).toBeGreaterThan(0);
  });

  it.each(captures.map((c) => [c.file, c] as const))("%s", async (_file, capture) => {
    server.load(capture.exchanges);
    const env = Object.fromEntries(Object.entries(capture.env ?? {}).map(([k, v]) => [k, server.fill(v)]));
    let stdout = "";
    let stderr = "";
    const code = await runCli((capture.argv ?? []).slice(1), {
      env,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    });
    const recorded = capture.result as { exit_code: number; stdout: string; stderr: string };
    const deviation = DEVIATIONS[capture.file];

    if (deviation?.kind === "command-works") {
      expect(recorded.exit_code, "the reference did not know the command").toBe(2);
      expect(code, deviation.why).not.toBe(2);
      const sent = server.received.find((r) => r.path === deviation.path);
      expect(sent?.method).toBe(deviation.method);
      expect(JSON.parse(sent?.body ?? "null")).toEqual(deviation.body);
      return;
    }

    assertRequests(capture, server, {
      token: env.ALMANACH_TOKEN ?? "<redacted>",
      deviation,
      cli: true,
      tokenReuse: true,
    });

    if (recorded.exit_code === 0) {
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: server.fill(recorded.stdout), stderr: "" });
    } else if (!failed(capture)) {
      // CLI_RULES.success: the reference printed results with sys.exit(text).
      expect({ code, stdout, stderr }, CLI_RULES.success).toEqual({
        code: 0,
        stdout: server.fill(recorded.stderr),
        stderr: "",
      });
    } else {
      expect(recorded.exit_code, "the reference exited 1 on every error").toBe(1);
      const exit = CLI_EXIT_CODES[capture.file];
      expect(exit, `${CLI_RULES.exitCodes}: ${capture.file} needs its code in CLI_EXIT_CODES`).toBeDefined();
      expect(code, `${CLI_RULES.exitCodes}: ${exit?.why}`).toBe(exit?.code);
      expect(stdout).toBe("");
      expect(stderr.split("\n").filter(Boolean), "one line").toHaveLength(1);
      expect(stderr, CLI_RULES.errors).toContain(server.fill(recorded.stderr).trim());
    }
  });

  it("lists an exit code for exactly the captures that failed", () => {
    expect(Object.keys(CLI_EXIT_CODES).sort()).toEqual(captures.filter(failed).map((c) => c.file));
  });

  it("prints --format json on every command it ran", async () => {
    const capture = captures.find((c) => c.result.exit_code === 0 && c.exchanges.length > 0);
    if (!capture) return;
    server.load(capture.exchanges);
    let stdout = "";
    const env = Object.fromEntries(Object.entries(capture.env ?? {}).map(([k, v]) => [k, server.fill(v)]));
    const code = await runCli([...(capture.argv ?? []).slice(1), "--format", "json"], {
      env,
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    });
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
  });
});
