/** The stand-in's options and behaviour beyond the captures. */
import { afterEach, describe, expect, it } from "vitest";
import { type RunningAlmanach, startAlmanach } from "../../src/almanach/index.js";

let running: RunningAlmanach | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${running?.url}${path}`, { headers });

describe("startAlmanach", () => {
  it("accepts the private key and, through authorize(), other tokens (e.g. checked with Keystone)", async () => {
    running = await startAlmanach({ token: "k", authorize: (t) => t === "from-keystone" });
    expect((await get("/v1/volume_types", { "x-auth-token": "k" })).status).toBe(200);
    expect((await get("/v1/volume_types", { "x-auth-token": "from-keystone" })).status).toBe(200);
    const refused = await get("/v1/volume_types", { "x-auth-token": "other" });
    expect([refused.status, await refused.text()]).toEqual([401, "Unauthorized"]);
  });

  it("keeps only the whitelisted image metadata (the server's default whitelist is empty)", async () => {
    running = await startAlmanach({ token: "k", imageMetaWhitelist: [] });
    const headers = { "x-auth-token": "k", "content-type": "application/json" };
    const body = {
      id: "i",
      created_at: "2017-01-01T00:00:00.000000Z",
      name: "n",
      flavor: "f",
      os_distro: "d",
      os_version: "v",
      os_type: "t",
    };
    expect(
      (
        await fetch(`${running.url}/v1/project/p/instance`, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
        })
      ).status,
    ).toBe(201);
    const [row] = (await (await get("/v1/entity/i", headers)).json()) as {
      image_meta: unknown;
      os: unknown;
    }[];
    expect(row?.image_meta).toEqual({});
    expect(row?.os).toEqual({});
  });

  it("listens on the port it is given", async () => {
    const probe = await startAlmanach();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    running = await startAlmanach({ port });
    expect(running.url).toBe(`http://127.0.0.1:${port}`);
    expect((await get("/info")).status).toBe(200);
  });
});
