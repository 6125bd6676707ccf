/** Our requests against the recorded ones: method, path, query, X-Auth-Token, content type, JSON body. */
import { expect } from "vitest";
import type { Deviation } from "../deviations.js";
import { type Capture, header } from "./captures.js";
import type { ReplayServer } from "./replay-server.js";

const BODY_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export interface AssertOptions {
  /** The X-Auth-Token we sent to Almanach (undefined: none expected). */
  token: string | undefined;
  deviation?: Deviation | undefined;
  /** CLI rules: sizes as numbers, null attachments as []. */
  cli?: boolean;
  /** Keystone token requests may be fewer than recorded (one token is reused). */
  tokenReuse?: boolean;
}

export function assertRequests(capture: Capture, server: ReplayServer, o: AssertOptions): void {
  const unmatched = server.received.filter((r) => r.answeredBy === -1 && !r.path.endsWith("/auth/tokens"));
  expect(
    unmatched.map((r) => `${r.method} ${r.path}`),
    "requests with no recorded exchange",
  ).toEqual([]);
  // CLI_RULES.serviceName: an endpoint lookup is preceded by a service lookup by name.
  if (server.received.some((e) => e.path.endsWith("/v3/endpoints"))) {
    expect(
      server.received.some((r) => r.answeredBy === -3),
      `${capture.file}: service looked up by name`,
    ).toBe(true);
  }
  server.received.forEach((r, i) => {
    if (r.answeredBy !== -3) return;
    expect(
      [...new URLSearchParams(r.query)].map(([k]) => k),
      `${capture.file}: service lookup`,
    ).toEqual(["name"]);
    const endpoints = server.received.findIndex((e) => e.path.endsWith("/v3/endpoints"));
    expect(endpoints, `${capture.file}: the service lookup precedes the endpoint lookup`).toBeGreaterThan(i);
  });
  capture.exchanges.forEach((exchange, index) => {
    const rec = exchange.request;
    const ours = server.received.find((r) => r.answeredBy === index);
    if (!ours) {
      const reusable =
        o.tokenReuse && rec.path.endsWith("/auth/tokens") && server.received.some((r) => r.path === rec.path);
      expect(reusable, `recorded ${rec.method} ${rec.path} was not sent`).toBe(true);
      return;
    }
    const where = `${capture.file} #${index} ${rec.method} ${rec.path}`;
    expect([...new URLSearchParams(ours.query)], `${where}: query`).toEqual(rec.query);
    const recordedToken = header(rec.headers, "X-Auth-Token");
    const ourToken = ours.headers["x-auth-token"];
    if (o.deviation?.kind === "sends-keystone-token" && exchange.service === "almanach") {
      expect(recordedToken, `${where}: the reference sent no token`).toBeUndefined();
      expect(ourToken, `${where}: we send the Keystone token`).toBeTruthy();
    } else if (recordedToken === undefined) {
      expect(ourToken, `${where}: X-Auth-Token`).toBeUndefined();
    } else {
      expect(ourToken, `${where}: X-Auth-Token`).toBe(
        exchange.service === "almanach" && o.token !== undefined ? o.token : recordedToken,
      );
    }
    const recordedType = header(rec.headers, "Content-Type");
    if (recordedType)
      expect(String(ours.headers["content-type"]).split(";")[0], `${where}: content type`).toBe(recordedType);
    expectBody(capture, rec.json, ours.body, where, o);
  });
}

function expectBody(
  capture: Capture,
  recorded: unknown,
  ours: string,
  where: string,
  o: AssertOptions,
): void {
  if (recorded === null || recorded === undefined) {
    expect(ours, `${where}: body`).toBe("");
    return;
  }
  const expected = structuredClone(recorded) as Record<string, unknown>;
  const actual = JSON.parse(ours) as Record<string, unknown>;
  const now = new Set<string>();
  for (const m of (capture.volatile ?? "").matchAll(/body\.(\w+)/g)) now.add(m[1] as string);
  if (o.deviation?.kind === "body-field") {
    expect(actual[o.deviation.key], `${where}: deviation ${o.deviation.why}`).not.toEqual(
      expected[o.deviation.key],
    );
    if (o.deviation.value === "now") now.add(o.deviation.key);
    else expected[o.deviation.key] = o.deviation.value;
  }
  if (o.cli) {
    if (typeof expected.size === "string") expected.size = Number(expected.size);
    if ("attachments" in expected && expected.attachments === null) expected.attachments = [];
  }
  for (const key of now) {
    const value = String(actual[key]);
    expect(value, `${where}: ${key} format`).toMatch(BODY_DATE);
    expect(Math.abs(Date.parse(value) - Date.now()), `${where}: ${key} is now (UTC)`).toBeLessThan(120_000);
    expected[key] = actual[key];
  }
  if (typeof expected.auth === "object") {
    // Keystone bodies: the password is recorded redacted, and we send what the capture gave us.
    expect(actual, `${where}: body`).toEqual(expected);
    return;
  }
  expect(actual, `${where}: body`).toEqual(expected);
}
