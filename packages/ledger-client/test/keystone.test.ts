/**
 * Finding Almanach with the real Keystone: the reference's way (domain-scoped token, `GET /v3/endpoints?
 * service_id=&region_id=`, admin interface) and by service type from the token's catalog. Almanach itself is
 * a local server that checks the token it receives with Keystone.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient, type HttpClient, keystoneAuth } from "@meterkit/core";
import { EXIT } from "@meterkit/core/cli";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { run as runCli } from "../src/cli/index.js";
import { AlmanachEndpointNotFoundError, AlmanachKeystoneClient, createAlmanachClient } from "../src/index.js";

const env = inject("services");
const authUrl = env.MK_KEYSTONE_URL as string;
const region = env.MK_KEYSTONE_REGION ?? "RegionOne";
const admin = keystoneAuth({
  authUrl,
  username: env.MK_KEYSTONE_ADMIN_USER ?? "admin",
  password: env.MK_KEYSTONE_ADMIN_PASSWORD as string,
  projectName: env.MK_KEYSTONE_ADMIN_PROJECT ?? "admin",
});
const identity: HttpClient = createHttpClient({ baseUrl: authUrl, auth: admin });

// The reference asks for a token scoped to the domain `default`; Keystone's bootstrap admin has no role on
// the domain, so the test uses its own user with the admin role there (created once, kept).
const USER = "meterkit-ledger-test";
const PASSWORD = "ledger-test-pass";
const SERVICE_PREFIX = "meterkit-ledger-test-almanach";

let almanach: Server;
let almanachUrl = "";
let serviceId = "";
const seenTokens: string[] = [];
const seenPaths: string[] = [];

async function json<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  query?: Record<string, string>,
) {
  return (await identity.request<T>({ method, path, body, query })).data;
}

beforeAll(async () => {
  almanach = createServer((req, res) => {
    const token = String(req.headers["x-auth-token"] ?? "");
    seenTokens.push(token);
    seenPaths.push(req.url ?? "");
    // Validate the token like Almanach's keystone strategy does.
    void identity
      .request({ method: "GET", path: "/auth/tokens", headers: { "x-subject-token": token } })
      .then(
        () =>
          res.writeHead(200, { "content-type": "application/json" }).end(
            JSON.stringify({
              database: { active_entities: 0, all_entities: 0 },
              info: { version: "4.1.0" },
            }),
          ),
        () => res.writeHead(401, { "content-type": "text/html; charset=utf-8" }).end("Unauthorized"),
      );
  });
  await new Promise<void>((resolve) => almanach.listen(0, "127.0.0.1", resolve));
  almanachUrl = `http://127.0.0.1:${(almanach.address() as AddressInfo).port}`;

  const { users } = await json<{ users: { id: string }[] }>("GET", "/users", undefined, {
    name: USER,
    domain_id: "default",
  });
  let userId = users[0]?.id;
  if (!userId) {
    const made = await json<{ user: { id: string } }>("POST", "/users", {
      user: { name: USER, password: PASSWORD, domain_id: "default" },
    });
    userId = made.user.id;
  }
  const { roles } = await json<{ roles: { id: string }[] }>("GET", "/roles", undefined, { name: "admin" });
  await json("PUT", `/domains/default/users/${userId}/roles/${roles[0]?.id}`);

  // Leftovers of an interrupted run would make the lookup by type ambiguous.
  const { services } = await json<{ services: { id: string; name: string }[] }>(
    "GET",
    "/services",
    undefined,
    { type: "usage" },
  );
  for (const s of services.filter((x) => x.name.startsWith(SERVICE_PREFIX)))
    await json("DELETE", `/services/${s.id}`);
  const made = await json<{ service: { id: string } }>("POST", "/services", {
    service: { type: "usage", name: `${SERVICE_PREFIX}-${process.pid}` },
  });
  serviceId = made.service.id;
  for (const [iface, url] of [
    ["public", `${almanachUrl}/public`],
    ["internal", `${almanachUrl}/internal`],
    ["admin", almanachUrl],
  ]) {
    await json("POST", "/endpoints", {
      endpoint: { service_id: serviceId, interface: iface, url, region_id: region },
    });
  }
});

afterAll(async () => {
  if (serviceId) await json("DELETE", `/services/${serviceId}`); // Keystone deletes its endpoints too
  await new Promise<void>((resolve) => almanach.close(() => resolve()));
});

// The reference scopes to the domain *named* `default`; Keystone on PostgreSQL compares names case-sensitively
// and the domain is named `Default`, so the reference's `domain_name` parameter is given.
const reference = (service: string) =>
  new AlmanachKeystoneClient({
    authUrl,
    username: USER,
    password: PASSWORD,
    service,
    regionName: region,
    domainName: "Default",
  });
// A token issued after the service was registered (the admin token of beforeAll has an older catalog).
const freshAdmin = () =>
  keystoneAuth({
    authUrl,
    username: env.MK_KEYSTONE_ADMIN_USER ?? "admin",
    password: env.MK_KEYSTONE_ADMIN_PASSWORD as string,
    projectName: env.MK_KEYSTONE_ADMIN_PROJECT ?? "admin",
  });

describe("Keystone endpoint lookup, the reference's way", () => {
  it("finds the admin endpoint by service id and region", async () => {
    await expect(reference(serviceId).getEndpointUrl()).resolves.toBe(almanachUrl);
  });

  it("finds another interface when asked", async () => {
    await expect(reference(serviceId).getEndpointUrl({ interface: "public" })).resolves.toBe(
      `${almanachUrl}/public`,
    );
  });

  it("finds Almanach by service name, as the reference documents (it sent the name as an id)", async () => {
    const ks = reference(`${SERVICE_PREFIX}-${process.pid}`);
    await expect(ks.resolveService()).resolves.toEqual({ id: serviceId, matchedBy: "name" });
    await expect(ks.getEndpointUrl()).resolves.toBe(almanachUrl);
    await expect(reference(serviceId).resolveService()).resolves.toEqual({ id: serviceId, matchedBy: "id" });
  });

  it("says which matched when nothing is found", async () => {
    await expect(reference(`no-such-${process.pid}`).getEndpointUrl()).rejects.toThrow(
      /service_id=no-such-\d+ \(ALMANACH_SERVICE matched by id\)/,
    );
    await expect(reference(`no-such-${process.pid}`).getEndpointUrl()).rejects.toBeInstanceOf(
      AlmanachEndpointNotFoundError,
    );
  });

  it("sends the Keystone token with the looked-up URL", async () => {
    const ks = reference(serviceId);
    const client = createAlmanachClient({ baseUrl: ks.endpoint(), auth: ks.auth });
    await expect(client.info.get()).resolves.toEqual({
      info: { version: "4.1.0" },
      database: { activeEntities: 0, allEntities: 0 },
    });
    expect(seenTokens.at(-1)).toBe(await ks.getToken());
  });
});

describe("Keystone endpoint lookup by service type (not possible with the reference)", () => {
  it("finds Almanach in the token's catalog by type, interface and region", async () => {
    const keystone = freshAdmin();
    const client = createAlmanachClient({
      auth: keystone,
      endpoint: { type: "usage", interface: "admin", region },
    });
    await expect(client.info.get()).resolves.toMatchObject({ info: { version: "4.1.0" } });
    expect(seenTokens.at(-1)).toBe((await keystone.token()).token);
  });

  it("without an endpoint query, uses the public endpoint of type usage", async () => {
    const client = createAlmanachClient({ auth: freshAdmin() });
    await expect(client.info.get()).resolves.toMatchObject({ info: { version: "4.1.0" } });
    expect(seenPaths.at(-1)).toBe("/public/v1/info");
  });

  it("fails with a typed error when the type is unknown", async () => {
    const client = createAlmanachClient({ auth: freshAdmin(), endpoint: { type: "cloudmetrics" } });
    await expect(client.info.get()).rejects.toMatchObject({ code: "endpoint_not_found" });
  });
});

describe("the almanach CLI with the real Keystone", () => {
  const run = async (argv: string[], extra: Record<string, string>) => {
    let stdout = "";
    let stderr = "";
    const env = {
      OS_AUTH_URL: authUrl,
      OS_USERNAME: USER,
      OS_PASSWORD: PASSWORD,
      OS_REGION_NAME: region,
      OS_DOMAIN_NAME: "Default",
      ...extra,
    };
    const code = await runCli(argv, {
      env,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    });
    return { code, stdout, stderr };
  };

  it("endpoint: the admin URL of ALMANACH_SERVICE (an id)", async () => {
    await expect(run(["endpoint"], { ALMANACH_SERVICE: serviceId })).resolves.toEqual({
      code: 0,
      stdout: `${almanachUrl}\n`,
      stderr: "",
    });
  });

  it("version: token and URL both from Keystone, looked up by ALMANACH_SERVICE_TYPE", async () => {
    const result = await run(["version"], { ALMANACH_SERVICE_TYPE: "usage" });
    expect(result).toEqual({ code: 0, stdout: "4.1.0\n", stderr: "" });
    expect(seenTokens.at(-1)).toMatch(/^gAAAA/); // a fernet token Keystone issued (and the server validated)
  });

  it("never prints the password, even when Keystone refuses it", async () => {
    const result = await run(["version"], { ALMANACH_SERVICE: serviceId, OS_PASSWORD: "wrong-secret-pw" });
    expect(result.code, "Keystone refused the credentials").toBe(EXIT.auth);
    expect(result.stderr).toContain("401");
    expect(result.stderr + result.stdout).not.toContain("wrong-secret-pw");
  });
});
