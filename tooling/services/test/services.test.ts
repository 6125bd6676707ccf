import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { ensureServices, parseServicesEnv } from "../index.js";
import { pgSimpleQuery } from "./pg-wire.js";

const env = inject("services");
const get = (key: string): string => {
  const value = env[key];
  if (!value) throw new Error(`services env has no ${key}`);
  return value;
};

interface CatalogEntry {
  type: string;
  name: string;
  endpoints: { interface: string; region_id: string; url: string }[];
}

async function token(user: string, password: string, project: string) {
  const res = await fetch(`${get("MK_KEYSTONE_URL")}/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: user, domain: { id: "default" }, password } },
        },
        scope: { project: { name: project, domain: { id: "default" } } },
      },
    }),
  });
  const body = (await res.json()) as { token: { catalog: CatalogEntry[]; roles: { name: string }[] } };
  return { status: res.status, id: res.headers.get("x-subject-token") ?? "", body };
}

async function ck(base: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    redirect: "manual",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...init.headers },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe("services.sh env", () => {
  it("exposes every documented key", () => {
    for (const key of [
      "MK_PG_URL",
      "MK_KEYSTONE_URL",
      "MK_KEYSTONE_ADMIN_USER",
      "MK_KEYSTONE_ADMIN_PASSWORD",
      "MK_KEYSTONE_REGION",
      "MK_KEYSTONE_RATING_URL",
      "MK_CLOUDKITTY_URL",
      "MK_CLOUDKITTY_NOAUTH_URL",
    ]) {
      expect(env[key], key).toBeTruthy();
    }
    expect(get("MK_KEYSTONE_URL")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
    expect(get("MK_KEYSTONE_RATING_URL")).toBe(get("MK_CLOUDKITTY_URL"));
    expect(get("MK_PG_URL")).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
  });

  it("gives the same running services to a second caller", async () => {
    expect(await ensureServices(["cloudkitty"])).toEqual(env);
  });

  it("rejects an unknown service name before starting anything", async () => {
    // @ts-expect-error -- the typed API forbids it; JavaScript callers get a TypeError naming the entry.
    await expect(ensureServices(["postgres", "mysql"])).rejects.toThrow(/names\[1\]/);
  });

  it("parses KEY=value lines and ignores the rest", () => {
    expect(parseServicesEnv("A=1\nnoise\nB=x=y\n")).toEqual({ A: "1", B: "x=y" });
  });
});

describe("PostgreSQL", () => {
  it("answers a query over loopback TCP", async () => {
    expect(await pgSimpleQuery(get("MK_PG_URL"), "select 6 * 7")).toBe("42");
  });
});

describe("Keystone", () => {
  it("issues an admin token whose catalog holds CloudKitty's rating endpoints", async () => {
    const t = await token(get("MK_KEYSTONE_ADMIN_USER"), get("MK_KEYSTONE_ADMIN_PASSWORD"), "admin");
    expect(t.status).toBe(201);
    expect(t.id.length).toBeGreaterThan(100);
    const rating = t.body.token.catalog.find((entry) => entry.type === "rating");
    expect(rating?.name).toBe("cloudkitty");
    const interfaces = rating?.endpoints
      .filter((e) => e.region_id === get("MK_KEYSTONE_REGION") && e.url === get("MK_CLOUDKITTY_URL"))
      .map((e) => e.interface)
      .sort();
    expect(interfaces).toEqual(["admin", "internal", "public"]);
  });

  it("rejects a wrong password", async () => {
    const t = await token(get("MK_KEYSTONE_ADMIN_USER"), "not-the-password", "admin");
    expect(t.status).toBe(401);
  });
});

describe("CloudKitty", () => {
  it("noauth instance lists the hashmap module as enabled", async () => {
    const res = await ck(get("MK_CLOUDKITTY_NOAUTH_URL"), "/v1/rating/modules");
    expect(res.status).toBe(200);
    const modules = (res.body as { modules: { module_id: string; enabled: boolean }[] }).modules;
    expect(modules.find((m) => m.module_id === "hashmap")?.enabled).toBe(true);
  });

  it("keystone instance answers 401 without a token and 200 with a Keystone token", async () => {
    const base = get("MK_CLOUDKITTY_URL");
    expect((await ck(base, "/v1/rating/modules")).status).toBe(401);
    expect((await ck(base, "/v1/rating/modules", { headers: { "X-Auth-Token": "bogus" } })).status).toBe(401);
    const t = await token(get("MK_KEYSTONE_ADMIN_USER"), get("MK_KEYSTONE_ADMIN_PASSWORD"), "admin");
    const res = await ck(base, "/v1/rating/modules", { headers: { "X-Auth-Token": t.id } });
    expect(res.status).toBe(200);
    const modules = (res.body as { modules: { module_id: string; enabled: boolean }[] }).modules;
    expect(modules.find((m) => m.module_id === "hashmap")?.enabled).toBe(true);
  });

  it("prices a quote with exact decimals through the hashmap rules", async () => {
    const base = get("MK_CLOUDKITTY_NOAUTH_URL");
    const H = "/v1/rating/module_config/hashmap";
    const name = `mk-services-${randomUUID()}`;
    const svc = await ck(base, `${H}/services`, { method: "POST", body: JSON.stringify({ name }) });
    expect(svc.status).toBe(201);
    const serviceId = (svc.body as { service_id: string }).service_id;
    try {
      const map = await ck(base, `${H}/mappings`, {
        method: "POST",
        body: JSON.stringify({ service_id: serviceId, type: "flat", cost: "0.7" }),
      });
      expect(map.status).toBe(201);
      // PostgreSQL keeps "0.7" exact (SQLite would store 0.69999…).
      expect((map.body as { cost: string }).cost).toBe("0.7000000000000000000000000000");
      const quote = await ck(base, "/v1/rating/quote", {
        method: "POST",
        body: JSON.stringify({ resources: [{ service: name, volume: "3", desc: { metadata: {} } }] }),
      });
      expect(quote.status).toBe(200);
      expect(quote.body).toMatch(/^2\.10*$/);
    } finally {
      await ck(base, `${H}/services/${serviceId}`, { method: "DELETE" });
    }
  });

  it("keystone instance quotes for a member of the demo project", async () => {
    const t = await token("demo", get("MK_KEYSTONE_DEMO_PASSWORD"), get("MK_KEYSTONE_DEMO_PROJECT"));
    expect(t.status).toBe(201);
    const res = await ck(get("MK_CLOUDKITTY_URL"), "/v1/rating/quote", {
      method: "POST",
      headers: { "X-Auth-Token": t.id },
      body: JSON.stringify({
        resources: [{ service: `mk-none-${randomUUID()}`, volume: "1", desc: { metadata: {} } }],
      }),
    });
    expect(res.status).toBe(200);
    expect(Number(res.body)).toBe(0);
  });
});
