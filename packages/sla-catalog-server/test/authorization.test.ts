/**
 * The authorization matrix: every route the server answers × every kind of caller (no token, a revoked
 * token, a reader, the owning provider, another party's provider, an admin) → the expected status, and the
 * catalog unchanged after every refusal. Resources are owned by party A; party A's provider created the
 * unit resources, prices and guarantees it may change.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@meterkit/core/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_ROUTES } from "../src/auth/policy.js";
import { program } from "../src/cli/program.js";
import { type SlaCatalogServer, startSlaCatalog } from "../src/index.js";
import { ROUTES } from "../src/server.js";
import { ADMIN_TOKEN, call, templateXml } from "./fixtures.js";

const A = 101;
const B = 202;
const TOKENS = {
  reader: "slac_00000000c0c0_test-reader-secret-0123456789",
  providerA: "slac_00000000a1a1_test-provider-a-secret-0123456789",
  providerB: "slac_00000000b2b2_test-provider-b-secret-0123456789",
};
type Caller = "none" | "revoked" | "reader" | "providerA" | "providerB" | "admin";
const CALLERS: readonly Caller[] = ["none", "revoked", "reader", "providerA", "providerB", "admin"];
const dir = mkdtempSync(join(tmpdir(), "mk-sla-authz-"));
let server: SlaCatalogServer;
let revoked = "";
const header: Record<Caller, () => string> = {
  none: () => "",
  revoked: () => `Bearer ${revoked}`,
  reader: () => `Bearer ${TOKENS.reader}`,
  providerA: () => `Bearer ${TOKENS.providerA}`,
  providerB: () => `Bearer ${TOKENS.providerB}`,
  admin: () => `Bearer ${ADMIN_TOKEN}`,
};
const as = (caller: Caller) => ({ authorization: header[caller]() });

async function cli(argv: string[]): Promise<string> {
  let out = "";
  const code = await runCli(program, [...argv, "--data-dir", dir, "--format", "json"], {
    env: {},
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
  });
  expect(code, out).toBe(0);
  return out;
}

beforeAll(async () => {
  // The parties must exist before provider tokens can name them; the embedded database is one process's,
  // so the server is stopped while the CLI makes (and revokes) a token.
  const first = await startSlaCatalog({ dataDir: dir, tokens: [{ token: ADMIN_TOKEN, role: "admin" }] });
  for (const id of [A, B]) await call(first.url, "POST", "/parties", { id, name: `party ${id}` });
  await first.close();
  const made = JSON.parse(await cli(["token", "create", "--role", "reader", "--name", "soon revoked"]));
  revoked = made.token;
  await cli(["token", "revoke", made.id]);
  server = await startSlaCatalog({
    dataDir: dir,
    tokens: [
      { token: ADMIN_TOKEN, role: "admin" },
      { token: TOKENS.reader, role: "reader" },
      { token: TOKENS.providerA, role: "provider", partyId: A },
      { token: TOKENS.providerB, role: "provider", partyId: B },
    ],
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
/** A fresh set of party A's resources; the provider-owned ones are created with party A's token. */
async function fixture() {
  const n = ++serial;
  const checked = async (caller: Caller, method: string, path: string, body?: unknown) => {
    const res = await call(server.url, method, path, body, as(caller));
    expect(res.status, `fixture ${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res;
  };
  const admin = (method: string, path: string, body?: unknown) => checked("admin", method, path, body);
  const mine = (method: string, path: string, body?: unknown) => checked("providerA", method, path, body);
  const party = (await admin("POST", "/parties", { name: `pending ${n}` })).body.id as number;
  const product = (await admin("POST", "/products", { partyId: A, name: `product ${n}` })).body.id as number;
  // Deletable ones: nothing refers to them.
  const loneProduct = (await admin("POST", "/products", { partyId: A, name: `lone ${n}` })).body.id as number;
  const loneTemplate = `authz-lone-${n}`;
  await admin("POST", "/templates", { content: templateXml(loneTemplate), providerId: A });
  const templateId = `authz-${n}`;
  await admin("POST", "/templates", { content: templateXml(templateId), providerId: A });
  const offer = (await admin("POST", "/product-offers", { productId: product, partyId: A, templateId })).body
    .id as number;
  const validity = { validFrom: "2030-01-01", validUntil: "2030-12-31", period: "per_month" };
  const fee = { ...validity, type: "per_hour" };
  const fixed = (await mine("POST", "/fixed-fees", { ...fee, value: "1" })).body.id as number;
  const variable = (
    await mine("POST", "/variable-fees", {
      ...fee,
      value: "1",
      datatype: "GB",
      quantity: 1,
      condition: "less_than",
      conditionValue: 10,
      conditionDatatype: "GB",
    })
  ).body.id as number;
  const compound = (await mine("POST", "/compound-fees", { ...validity, fixedFeeIds: [fixed] })).body
    .id as number;
  const unit = (await mine("POST", "/unit-resources", { name: `unit ${n}`, type: "vm" })).body.id as number;
  const guarantee = (
    await mine("POST", "/guarantees", {
      name: `g ${n}`,
      description: "d",
      percentage: "0.1",
      type: "availability",
    })
  ).body.id as number;
  const spare = (await mine("POST", "/fixed-fees", { ...fee, value: "2" })).body.id as number;
  const spareGuarantee = (
    await mine("POST", "/guarantees", {
      name: `h ${n}`,
      description: "d",
      percentage: "0.2",
      type: "availability",
    })
  ).body.id as number;
  await mine("PUT", `/priced-items/${unit}/price`, { priceId: fixed });
  await mine("PUT", `/priced-items/${unit}/guarantees/${guarantee}`);
  for (const [k, id] of Object.entries({ fixed, variable, compound, unit, guarantee, spare, spareGuarantee }))
    expect(id, k).toBeTypeOf("number");
  return {
    n,
    party,
    product,
    templateId,
    offer,
    fixed,
    variable,
    compound,
    unit,
    guarantee,
    spare,
    spareGuarantee,
    fee,
    validity,
    loneProduct,
    loneTemplate,
  };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;
let shared: Promise<Fixture> | undefined;

interface Case {
  readonly route: string;
  readonly request: (f: Fixture) => { method: string; path: string; body?: unknown };
  /** Admin-only routes: the owning provider is refused too. */
  readonly adminOnly?: boolean;
  /** A create: another party's provider may create its own, so it is allowed when the body names nothing of A's. */
  readonly anyProvider?: boolean;
}

const CASES: readonly Case[] = [
  { route: "GET /parties", request: () => ({ method: "GET", path: "/parties" }) },
  { route: "GET /parties/:id", request: () => ({ method: "GET", path: `/parties/${A}` }) },
  {
    route: "POST /parties",
    request: (f) => ({ method: "POST", path: "/parties", body: { name: `new ${f.n}` } }),
    adminOnly: true,
  },
  {
    route: "POST /parties/:id/approval",
    request: (f) => ({
      method: "POST",
      path: `/parties/${f.party}/approval`,
      body: { balance: "0", creditLimit: "1" },
    }),
    adminOnly: true,
  },
  {
    route: "DELETE /parties/:id",
    request: (f) => ({ method: "DELETE", path: `/parties/${f.party}` }),
    adminOnly: true,
  },
  { route: "GET /products", request: () => ({ method: "GET", path: "/products" }) },
  { route: "GET /products/:id", request: (f) => ({ method: "GET", path: `/products/${f.product}` }) },
  {
    route: "POST /products",
    request: (f) => ({ method: "POST", path: "/products", body: { partyId: A, name: `p ${f.n}` } }),
  },
  {
    route: "DELETE /products/:id",
    request: (f) => ({ method: "DELETE", path: `/products/${f.loneProduct}` }),
  },
  { route: "GET /templates", request: () => ({ method: "GET", path: "/templates" }) },
  {
    route: "GET /templates/:registry/:id",
    request: (f) => ({ method: "GET", path: `/templates/BSLAM/${f.templateId}` }),
  },
  {
    route: "POST /templates",
    request: (f) => ({
      method: "POST",
      path: "/templates",
      body: { content: templateXml(`x-${f.n}`), providerId: A },
    }),
  },
  {
    route: "DELETE /templates/:registry/:id",
    request: (f) => ({ method: "DELETE", path: `/templates/BSLAM/${f.loneTemplate}` }),
  },
  { route: "GET /product-offers", request: () => ({ method: "GET", path: "/product-offers" }) },
  {
    route: "GET /product-offers/:id",
    request: (f) => ({ method: "GET", path: `/product-offers/${f.offer}` }),
  },
  {
    route: "POST /product-offers",
    request: (f) => ({
      method: "POST",
      path: "/product-offers",
      body: { productId: f.product, partyId: A, templateId: f.templateId },
    }),
  },
  {
    route: "DELETE /product-offers/:id",
    request: (f) => ({ method: "DELETE", path: `/product-offers/${f.offer}` }),
  },
  { route: "GET /unit-resources", request: () => ({ method: "GET", path: "/unit-resources" }) },
  {
    route: "GET /unit-resources/:id",
    request: (f) => ({ method: "GET", path: `/unit-resources/${f.unit}` }),
  },
  {
    route: "POST /unit-resources",
    request: (f) => ({ method: "POST", path: "/unit-resources", body: { name: `u ${f.n}`, type: "vm" } }),
    anyProvider: true,
  },
  {
    route: "DELETE /unit-resources/:id",
    request: (f) => ({ method: "DELETE", path: `/unit-resources/${f.unit}` }),
  },
  { route: "GET /priced-items/:id", request: (f) => ({ method: "GET", path: `/priced-items/${f.unit}` }) },
  {
    route: "PUT /priced-items/:id/price",
    request: (f) => ({ method: "PUT", path: `/priced-items/${f.unit}/price`, body: { priceId: f.spare } }),
  },
  {
    route: "DELETE /priced-items/:id/price",
    request: (f) => ({ method: "DELETE", path: `/priced-items/${f.unit}/price` }),
  },
  {
    route: "PUT /priced-items/:id/guarantees/:guaranteeId",
    request: (f) => ({ method: "PUT", path: `/priced-items/${f.unit}/guarantees/${f.spareGuarantee}` }),
  },
  {
    route: "DELETE /priced-items/:id/guarantees/:guaranteeId",
    request: (f) => ({ method: "DELETE", path: `/priced-items/${f.unit}/guarantees/${f.guarantee}` }),
  },
  {
    route: "POST /fixed-fees",
    request: (f) => ({ method: "POST", path: "/fixed-fees", body: { ...f.fee, value: "3" } }),
    anyProvider: true,
  },
  { route: "GET /fixed-fees", request: () => ({ method: "GET", path: "/fixed-fees" }) },
  { route: "GET /fixed-fees/:id", request: (f) => ({ method: "GET", path: `/fixed-fees/${f.fixed}` }) },
  { route: "DELETE /fixed-fees/:id", request: (f) => ({ method: "DELETE", path: `/fixed-fees/${f.spare}` }) },
  {
    route: "POST /variable-fees",
    request: (f) => ({
      method: "POST",
      path: "/variable-fees",
      body: {
        ...f.fee,
        value: "1",
        datatype: "GB",
        quantity: 1,
        condition: "less_than",
        conditionValue: 5,
        conditionDatatype: "GB",
      },
    }),
    anyProvider: true,
  },
  { route: "GET /variable-fees", request: () => ({ method: "GET", path: "/variable-fees" }) },
  {
    route: "GET /variable-fees/:id",
    request: (f) => ({ method: "GET", path: `/variable-fees/${f.variable}` }),
  },
  {
    route: "DELETE /variable-fees/:id",
    request: (f) => ({ method: "DELETE", path: `/variable-fees/${f.variable}` }),
  },
  {
    route: "POST /compound-fees",
    request: (f) => ({
      method: "POST",
      path: "/compound-fees",
      body: { ...f.validity, variableFeeIds: [f.variable] },
    }),
  },
  { route: "GET /compound-fees", request: () => ({ method: "GET", path: "/compound-fees" }) },
  {
    route: "GET /compound-fees/:id",
    request: (f) => ({ method: "GET", path: `/compound-fees/${f.compound}` }),
  },
  {
    route: "DELETE /compound-fees/:id",
    request: (f) => ({ method: "DELETE", path: `/compound-fees/${f.compound}` }),
  },
  { route: "GET /prices", request: () => ({ method: "GET", path: "/prices" }) },
  { route: "GET /prices/:id", request: (f) => ({ method: "GET", path: `/prices/${f.fixed}` }) },
  { route: "DELETE /prices/:id", request: (f) => ({ method: "DELETE", path: `/prices/${f.spare}` }) },
  {
    route: "POST /guarantees",
    request: (f) => ({
      method: "POST",
      path: "/guarantees",
      body: { name: `k ${f.n}`, description: "d", percentage: "0.3", type: "availability" },
    }),
    anyProvider: true,
  },
  { route: "GET /guarantees", request: () => ({ method: "GET", path: "/guarantees" }) },
  { route: "GET /guarantees/:id", request: (f) => ({ method: "GET", path: `/guarantees/${f.guarantee}` }) },
  {
    route: "DELETE /guarantees/:id",
    request: (f) => ({ method: "DELETE", path: `/guarantees/${f.spareGuarantee}` }),
  },
];

function expected(c: Case, caller: Caller): "ok" | 401 | 403 {
  const read = c.route.startsWith("GET ");
  if (caller === "none" || caller === "revoked") return 401;
  if (read || caller === "admin") return "ok";
  if (caller === "reader") return 403;
  if (c.adminOnly) return 403;
  if (caller === "providerA") return "ok";
  return c.anyProvider ? "ok" : 403;
}

async function snapshot(): Promise<unknown> {
  const lists = [
    "parties",
    "products",
    "templates",
    "product-offers",
    "unit-resources",
    "prices",
    "guarantees",
  ];
  return Promise.all(
    lists.map(async (l) => (await call(server.url, "GET", `/${l}?limit=1000`, undefined, as("admin"))).body),
  );
}

describe("authorization matrix", () => {
  it("covers every route the server answers, and the policy decides every write route", () => {
    const answered = ROUTES.map((r) => `${r.method} ${r.pattern}`).sort();
    expect(CASES.map((c) => c.route).sort()).toEqual(answered);
    const writes = answered.filter((r) => !r.startsWith("GET "));
    expect([...POLICY_ROUTES].sort()).toEqual(writes);
  });

  for (const c of CASES) {
    for (const caller of CALLERS) {
      const want = expected(c, caller);
      it(`${c.route} as ${caller} → ${want}`, async () => {
        // A refusal changes nothing, so refusals share one fixture; an allowed write gets its own.
        const fresh = want === "ok" && !c.route.startsWith("GET ");
        if (!fresh) shared ??= fixture();
        const f = fresh ? await fixture() : await (shared as Promise<Fixture>);
        const req = c.request(f);
        const before = want === "ok" ? undefined : await snapshot();
        const res = await call(server.url, req.method, req.path, req.body, as(caller));
        if (want === "ok") {
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
          return;
        }
        expect(res.status, JSON.stringify(res.body)).toBe(want);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(res.body.code).toBe(want === 401 ? "unauthorized" : "forbidden");
        if (want === 401) expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
        // The problem names what is missing, never the token.
        for (const token of [...Object.values(TOKENS), ADMIN_TOKEN, revoked]) {
          expect(JSON.stringify(res.body)).not.toContain(token.slice(18));
        }
        expect(await snapshot()).toEqual(before);
      });
    }
  }
});

describe("anonymous reads", () => {
  it("are refused by default and allowed only when enabled, writes never", async () => {
    expect((await call(server.url, "GET", "/products", undefined, { authorization: "" })).status).toBe(401);
    const open = await startSlaCatalog({ anonymousRead: true });
    try {
      expect((await call(open.url, "GET", "/products", undefined, { authorization: "" })).status).toBe(200);
      expect((await call(open.url, "POST", "/parties", { name: "x" }, { authorization: "" })).status).toBe(
        401,
      );
    } finally {
      await open.close();
    }
  });
  it("a malformed Authorization header is 401 and says why", async () => {
    const res = await call(server.url, "GET", "/products", undefined, { authorization: "Basic abc" });
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/Bearer <token>/);
  });
});
