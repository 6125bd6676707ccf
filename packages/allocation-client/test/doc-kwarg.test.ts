/**
 * Captures without exchanges record a call that failed in Python before reaching the server. The one
 * known kind is the Puhuri SDK guide's `ComponentUsage(component_type=…)` (a TypeError in v0.1.5): we
 * accept that spelling as `componentType` and must still send the wire key `type`.
 */
import { describe, expect, it } from "vitest";
import { createWaldurClient } from "../src/index.js";
import { generationOf, loadCaptures } from "./support/captures.js";
import { startRecordingServer } from "./support/recording-server.js";

const offline = loadCaptures().filter((c) => c.exchanges.length === 0);

function kwargs(call: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const m of call.matchAll(/(\w+)=('([^']*)'|"([^"]*)"|[-\d.]+)/g)) {
    out[m[1] ?? ""] = m[3] ?? m[4] ?? Number(m[2]);
  }
  return out;
}

describe("calls the reference could not make", () => {
  it.each(offline.map((c) => [c.file, c] as const))("%s", async (_, capture) => {
    expect(capture.call, "only ComponentUsage(component_type=…) is known").toMatch(
      /ComponentUsage\(component_type=/,
    );
    const args = kwargs(capture.call.split("#")[0] ?? "");
    const server = await startRecordingServer([{ status: 201, headers: [], body: "" }]);
    try {
      const waldur = createWaldurClient({
        baseUrl: `http://127.0.0.1:${server.port}/api/`,
        token: "t0ken",
        generation: generationOf(capture),
      });
      await waldur.componentUsages.create({
        planPeriodUuid: "fb36ce56e53b43e59b3d963354d0467c",
        usages: [
          {
            componentType: String(args.component_type),
            amount: args.amount ?? 1,
            ...(args.description === undefined ? {} : { description: String(args.description) }),
          },
        ],
      });
      const sent = JSON.parse(server.received[0]?.body ?? "{}");
      expect(sent.usages[0]).toEqual({
        type: args.component_type,
        amount: args.amount ?? 1,
        description: args.description ?? "",
      });
    } finally {
      await server.close();
    }
  });
});
