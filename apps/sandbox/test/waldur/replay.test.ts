/**
 * Replays every recorded request of the python-waldur-client captures against the stand-in and checks
 * what a real Waldur must agree on: the status, DRF's error bodies word for word, the shape of successful
 * bodies, and — where the stand-in holds as many matching items as the recording server did — the exact
 * `Link` and `X-Result-Count` headers. Like the recording server, it serves one item per page (so the
 * captures' `page=2`/`page=3` exist); each capture starts from fresh data.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startWaldur, type WaldurStandIn } from "../../src/waldur/index.js";
import { type Capture, header, loadCaptures } from "./captures.js";

const captures = loadCaptures().filter((c) => c.exchanges.length > 0);
let standIn: WaldurStandIn | undefined;
let linkChecks = 0;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

function tokenFor(capture: Capture, valid: string): string {
  return /WaldurClient\([^,]+,\s*'([^']+)'/.exec(capture.call)?.[1] ?? valid;
}

function kind(body: unknown): string {
  return body === undefined ? "empty" : Array.isArray(body) ? "list" : typeof body;
}

describe("Waldur stand-in replays the captured requests", () => {
  it("has captures", () => expect(captures.length).toBeGreaterThan(0));

  it.each(captures.map((c) => [c.file, c] as const))("%s", async (_, capture) => {
    standIn = await startWaldur({ maxPageSize: 1 });
    const origin = new URL(standIn.url).origin;
    const port = new URL(standIn.url).port;
    for (const { request, response } of capture.exchanges) {
      const url = `${origin}${request.path}${request.query_string ? `?${request.query_string}` : ""}`;
      const body = request.body_raw === "" ? undefined : request.body_raw.replaceAll("{WALDUR_PORT}", port);
      const res = await fetch(url, {
        method: request.method,
        headers: {
          authorization: `token ${tokenFor(capture, standIn.token)}`,
          "content-type": "application/json",
        },
        ...(body === undefined ? {} : { body }),
      });
      const text = await res.text();
      const ours = text === "" ? undefined : JSON.parse(text);
      const recorded =
        response.body === "" ? undefined : JSON.parse(response.body.replaceAll("{WALDUR_PORT}", port));
      const what = `${request.method} ${request.path}?${request.query_string}`;
      expect(res.status, what).toBe(response.status);
      if (response.status >= 400) expect(ours, what).toEqual(recorded);
      // The captures' emulator answered approve_by_provider with an empty body; OpenAPI 8.0.5 documents
      // `OrderInfoResponse` (`{"detail": …}`), which the stand-in follows.
      else if (request.path.endsWith("/approve_by_provider/"))
        expect(ours, what).toEqual({ detail: expect.any(String) });
      else expect(kind(ours), what).toBe(kind(recorded));
      const count = header(response.headers, "X-Result-Count");
      if (count !== undefined && res.headers.get("x-result-count") === count) {
        expect(res.headers.get("link"), what).toBe(
          header(response.headers, "Link")?.replaceAll("{WALDUR_PORT}", port),
        );
        linkChecks++;
      }
      if (response.status === 401) expect(res.headers.get("www-authenticate")).toBe("Token");
    }
  });

  it("compared pagination headers exactly where the data matched", () =>
    expect(linkChecks).toBeGreaterThan(0));
});
